package io.tokenmaxx.server.guard;

import io.tokenmaxx.guard.ChangedWeeks;
import io.tokenmaxx.guard.FlagStore;
import io.tokenmaxx.guard.GuardRunner;
import io.tokenmaxx.guard.GuardWeeks;
import io.tokenmaxx.storage.StateStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs detection (scheduled, and on demand), one run at a time, and keeps the last run's summary
 * for the API. A scheduled run scores the recent {@code guard.lookback-weeks} and every week whose
 * stored data changed since the previous run (a backfill, a {@code push} of old logs, a vendor
 * import), with the weeks after it whose baselines read it; the weeks' fingerprints are kept in
 * the store's state, so a restart does not forget what was scored.
 */
public final class GuardSchedule {
  private static final System.Logger LOG = System.getLogger(GuardSchedule.class.getName());
  static final String NAMESPACE = "guard.week-fingerprints";

  private final GuardRunner runner;
  private final int lookbackWeeks;
  private final StateStore state;
  private final Clock clock;
  private volatile GuardRunner.Run last;
  private volatile String lastError;
  private volatile List<LocalDate> lastChanged = List.of();

  public GuardSchedule(GuardRunner runner, int lookbackWeeks, StateStore state, Clock clock) {
    this.runner = runner;
    this.lookbackWeeks = lookbackWeeks;
    this.state = state;
    this.clock = clock;
  }

  public GuardRunner runner() {
    return runner;
  }

  /** The scheduled run: recent and changed weeks. Never throws (a failure is logged and reported). */
  public void tick() {
    try {
      runRecent();
    } catch (RuntimeException e) {
      lastError = e.getMessage();
      LOG.log(Level.WARNING, "Goodhart-guard run failed: " + e.getMessage(), e);
    }
  }

  /** Scores the recent weeks and every week that received data since the last run. */
  public synchronized GuardRunner.Run runRecent() {
    var zone = runner.config().zone();
    Map<LocalDate, String> before = new HashMap<>();
    state.load(NAMESPACE).forEach((k, v) -> before.put(LocalDate.parse(k), v));
    Map<LocalDate, String> now = runner.fingerprints();
    LocalDate current = GuardWeeks.weekOf(clock.instant(), zone);
    List<ChangedWeeks.Range> ranges = ChangedWeeks.toScore(before, now, current.minusWeeks(lookbackWeeks - 1L),
        current.plusWeeks(1), runner.config().baselineWeeks());
    GuardRunner.Run total = null;
    for (ChangedWeeks.Range r : ranges) total = add(total, runner.run(r.from(), r.to()));
    Map<String, String> save = new HashMap<>();
    now.forEach((w, fp) -> save.put(w.toString(), fp));
    List<String> gone = before.keySet().stream().filter(w -> !now.containsKey(w)).map(LocalDate::toString).toList();
    if (!save.isEmpty()) state.put(NAMESPACE, save);
    if (!gone.isEmpty()) state.remove(NAMESPACE, gone);
    lastChanged = ChangedWeeks.changed(before, now);
    if (!lastChanged.isEmpty()) {
      LOG.log(Level.INFO, "Goodhart guard: re-scored " + ranges + " after data arrived for weeks " + lastChanged);
    }
    return remember(total);
  }

  private static GuardRunner.Run add(GuardRunner.Run a, GuardRunner.Run b) {
    if (a == null) return b;
    return new GuardRunner.Run(a.fromWeek().isBefore(b.fromWeek()) ? a.fromWeek() : b.fromWeek(),
        a.toWeek().isAfter(b.toWeek()) ? a.toWeek() : b.toWeek(), a.personWeeks() + b.personWeeks(),
        a.flagged() + b.flagged(), new FlagStore.Update(a.update().added() + b.update().added(),
            a.update().updated() + b.update().updated(), a.update().removed() + b.update().removed()),
        b.at(), a.took().plus(b.took()));
  }

  public synchronized GuardRunner.Run run(LocalDate fromWeek, LocalDate toWeek) {
    return remember(runner.run(fromWeek, toWeek));
  }

  private GuardRunner.Run remember(GuardRunner.Run r) {
    last = r;
    lastError = null;
    return r;
  }

  public GuardRunner.Run last() {
    return last;
  }

  /** Weeks whose data had changed when the last scheduled run started. */
  public List<LocalDate> lastChanged() {
    return lastChanged;
  }

  public String lastError() {
    return lastError;
  }

}
