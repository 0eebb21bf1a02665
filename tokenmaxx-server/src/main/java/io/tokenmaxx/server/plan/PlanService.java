package io.tokenmaxx.server.plan;

import io.tokenmaxx.plan.EngineProfile;
import io.tokenmaxx.plan.Planner;
import io.tokenmaxx.plan.catalog.Catalog;
import io.tokenmaxx.storage.StorageComponent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * What the plan API and the Capacity & TCO page share: the model-class table, the demand profiler
 * over the store, and the planner. One per server; thread-safe.
 */
public final class PlanService {
  private final DemandProfiler profiler;
  private final ModelClasses classes;
  private final PlanEngine engine;
  private final Clock clock;

  public PlanService(DemandProfiler profiler, ModelClasses classes, PlanEngine engine, Clock clock) {
    this.profiler = profiler;
    this.classes = classes;
    this.engine = engine;
    this.clock = clock;
  }

  /**
   * The server's plan service: the store's recorded usage, the model-class table from the data
   * directory (or the built-in one), the built-in planner catalog and default engine profile.
   */
  public static PlanService of(StorageComponent store, Path dataDir, Clock clock) {
    Catalog catalog = Catalog.builtIn();
    ModelClasses classes = ModelClasses.forDataDir(dataDir).validate(catalog);
    return new PlanService(new DemandProfiler(store.demand(), store.usageStore(), clock), classes,
        new PlanEngine(catalog, new Planner(EngineProfile.DEFAULT)), clock);
  }

  public ModelClasses classes() {
    return classes;
  }

  public PlanEngine engine() {
    return engine;
  }

  /** The demand recorded in the last {@code days} days; classes of fewer than {@code k} people left out. */
  public RecordedDemand recorded(int days, int k) {
    return profiler.profile(days, classes, k);
  }

  /** As above, counting toward k only the people {@code counts} accepts (not the caller, not their reports). */
  public RecordedDemand recorded(int days, int k, java.util.function.Predicate<String> counts) {
    return profiler.profile(days, classes, k, counts);
  }

  /** An empty recorded demand (when a request brings its own). */
  RecordedDemand none(int days) {
    Instant to = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    return new RecordedDemand(to.minus(Duration.ofDays(days)), to, days, List.of(), List.of(), Map.of(), List.of(),
        classes.source(), List.of());
  }
}
