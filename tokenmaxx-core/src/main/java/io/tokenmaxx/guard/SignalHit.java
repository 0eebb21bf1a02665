package io.tokenmaxx.guard;

import java.util.Map;
import java.util.Objects;

/**
 * A signal that fired for a person-week, with the measured values and the thresholds they crossed
 * (the evidence a reviewer reads).
 *
 * @param signal   which signal
 * @param weight   what it adds to the person-week's score
 * @param summary  one sentence with the numbers, for people
 * @param evidence measured values and thresholds by name, for machines and the detail view
 */
public record SignalHit(Signal signal, double weight, String summary, Map<String, Object> evidence) {
  public SignalHit {
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(summary, "summary");
    evidence = evidence == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
  }
}
