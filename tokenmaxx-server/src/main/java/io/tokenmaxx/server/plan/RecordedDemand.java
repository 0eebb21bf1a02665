package io.tokenmaxx.server.plan;

import io.tokenmaxx.plan.capacity.DemandProfile;
import io.tokenmaxx.plan.capacity.ModelDemand;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The organization's demand as recorded in a time window, per model class: what the capacity and
 * cost plans start from (and what a what-if changes).
 *
 * @param from          window start (inclusive)
 * @param to            window end (exclusive)
 * @param days          window length in days
 * @param classes       one entry per class with usage, in the table's order
 * @param hidden        classes used by fewer people than the privacy threshold (not shown to this viewer)
 * @param modelClasses  recorded model to its class
 * @param unmatched     recorded models that matched no class and fell to the default one
 * @param classTable    where the model-class table came from
 * @param notes         how the figures were computed and what is missing
 */
public record RecordedDemand(
    Instant from,
    Instant to,
    int days,
    List<ClassDemand> classes,
    List<String> hidden,
    Map<String, String> modelClasses,
    List<String> unmatched,
    String classTable,
    List<String> notes) {

  public RecordedDemand {
    classes = List.copyOf(classes);
    hidden = List.copyOf(hidden);
    modelClasses = Map.copyOf(modelClasses);
    unmatched = List.copyOf(unmatched);
    notes = List.copyOf(notes);
  }

  /** The planner's profile: one demand per class. */
  public DemandProfile profile() {
    List<ModelDemand> demands = classes.stream().map(ClassDemand::demand).toList();
    return new DemandProfile("recorded " + from + " .. " + to, demands);
  }

  public RecordedDemand withClasses(List<ClassDemand> c) {
    return new RecordedDemand(from, to, days, c, hidden, modelClasses, unmatched, classTable, notes);
  }
}
