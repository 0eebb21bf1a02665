package io.tokenmaxx.guard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A flagged person-week: the signals that fired with their evidence, the measurements behind
 * them, and its review state.
 *
 * @param person     person id
 * @param week       Monday of the week
 * @param score      sum of the signals' weights
 * @param signals    what fired, strongest first
 * @param measures   the week's measurements and the organization's reference values
 * @param detectedAt when detection last raised or confirmed it
 * @param status     open, or dismissed by an admin
 * @param reviewedBy who dismissed or reopened it, null before any review
 * @param reviewedAt when, null before any review
 * @param reason     the reviewer's reason, kept with the flag
 */
public record GuardFlag(
    String person,
    LocalDate week,
    double score,
    List<SignalHit> signals,
    Map<String, Object> measures,
    Instant detectedAt,
    Status status,
    String reviewedBy,
    Instant reviewedAt,
    String reason) {

  public enum Status {
    OPEN, DISMISSED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Status parse(String s) {
      try {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown flag status '" + s + "', expected open or dismissed");
      }
    }
  }

  public GuardFlag {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(week, "week");
    signals = List.copyOf(signals);
    measures = measures == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(measures));
    status = status == null ? Status.OPEN : status;
  }

  public PersonWeek key() {
    return new PersonWeek(person, week);
  }

  public boolean open() {
    return status == Status.OPEN;
  }

  /** The same flag with new detection results, keeping its review. */
  public GuardFlag redetected(GuardFlag fresh) {
    return new GuardFlag(person, week, fresh.score, fresh.signals, fresh.measures, fresh.detectedAt,
        status, reviewedBy, reviewedAt, reason);
  }

  public GuardFlag reviewed(Status newStatus, String by, Instant at, String why) {
    return new GuardFlag(person, week, score, signals, measures, detectedAt, newStatus, by, at, why);
  }
}
