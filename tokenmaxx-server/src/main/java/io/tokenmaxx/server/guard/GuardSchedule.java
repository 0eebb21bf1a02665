package io.tokenmaxx.server.guard;

import io.tokenmaxx.guard.GuardRunner;
import java.lang.System.Logger.Level;
import java.time.LocalDate;

/**
 * Runs detection over the recent weeks (scheduled, and on demand), one run at a time, and keeps
 * the last run's summary for the API.
 */
public final class GuardSchedule {
  private static final System.Logger LOG = System.getLogger(GuardSchedule.class.getName());

  private final GuardRunner runner;
  private final int lookbackWeeks;
  private volatile GuardRunner.Run last;
  private volatile String lastError;

  public GuardSchedule(GuardRunner runner, int lookbackWeeks) {
    this.runner = runner;
    this.lookbackWeeks = lookbackWeeks;
  }

  public GuardRunner runner() {
    return runner;
  }

  /** The scheduled run: the recent weeks. Never throws (a failure is logged and reported). */
  public void tick() {
    try {
      runRecent();
    } catch (RuntimeException e) {
      lastError = e.getMessage();
      LOG.log(Level.WARNING, "Goodhart-guard run failed: " + e.getMessage(), e);
    }
  }

  public synchronized GuardRunner.Run runRecent() {
    return remember(runner.runRecent(lookbackWeeks));
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

  public String lastError() {
    return lastError;
  }
}
