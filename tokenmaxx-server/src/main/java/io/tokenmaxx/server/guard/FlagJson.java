package io.tokenmaxx.server.guard;

import io.tokenmaxx.guard.GuardFlag;
import io.tokenmaxx.guard.SignalHit;
import io.tokenmaxx.identity.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A flag as the API shows it: who, which week, the signals with their evidence, the review. */
public final class FlagJson {
  private FlagJson() {}

  /**
   * A flagged person-week: the signals that raised it (each with what it means and the measured
   * evidence), the week's measures, and the review when an admin dismissed or reopened it.
   */
  public record View(String person, String name, String team, java.time.LocalDate week, double score, String status,
      List<Signal> signals, Map<String, Object> measures, java.time.Instant detectedAt, String reviewedBy,
      java.time.Instant reviewedAt, String reason) {}

  /** One signal of a flag: its name, weight in the score, meaning, this week's summary and evidence. */
  public record Signal(String signal, double weight, String meaning, String summary, Map<String, Object> evidence) {}

  static View of(GuardFlag f, Person p) {
    List<Signal> signals = new ArrayList<>();
    for (SignalHit h : f.signals()) {
      signals.add(new Signal(h.signal().label(), h.weight(), h.signal().meaning(), h.summary(), h.evidence()));
    }
    boolean reviewed = f.reviewedBy() != null;
    return new View(f.person(), p == null ? null : p.name(), p == null ? null : p.team(), f.week(), f.score(),
        f.status().label(), signals, f.measures(), f.detectedAt(), reviewed ? f.reviewedBy() : null,
        reviewed ? f.reviewedAt() : null, reviewed ? f.reason() : null);
  }
}
