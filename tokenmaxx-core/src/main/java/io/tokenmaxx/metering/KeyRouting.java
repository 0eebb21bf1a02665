package io.tokenmaxx.metering;

import java.util.List;
import java.util.Objects;

/**
 * How a gateway key's requests are routed: a strategy that overrides each route's (null: the
 * route's own) and the models the key may ask for (empty: any). Checked where a key is created
 * against the gateway's strategies; here only that each model name is a printable, non-blank line.
 *
 * @param strategy routing strategy label ({@code fallback}, {@code cheapest}, ...), or null
 * @param models   models the key may ask for, in the order given, without duplicates
 */
public record KeyRouting(String strategy, List<String> models) {
  /** Longest model name a key may list. */
  public static final int MAX_MODEL = 200;
  /** Most models a key may list. */
  public static final int MAX_MODELS = 100;

  public static final KeyRouting NONE = new KeyRouting(null, List.of());

  public KeyRouting {
    if (strategy != null && strategy.isBlank()) strategy = null;
    models = models == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(models));
    if (models.size() > MAX_MODELS) throw new IllegalArgumentException("models: at most " + MAX_MODELS + ", got " + models.size());
    for (String m : models) {
      Objects.requireNonNull(m, "models: a model name is null");
      if (m.isBlank()) throw new IllegalArgumentException("models: a model name is blank");
      if (m.length() > MAX_MODEL) throw new IllegalArgumentException("models: '" + m.substring(0, 40) + "...' is longer than " + MAX_MODEL + " characters");
      if (!m.equals(m.strip()) || m.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
        throw new IllegalArgumentException("models: '" + m.strip() + "' has surrounding spaces or control characters");
      }
      String bad = io.tokenmaxx.model.RecordLimits.textReason(m);
      if (bad != null) throw new IllegalArgumentException("models: a model name " + bad);
    }
  }

  /** Whether this says nothing (the routes decide, any model). */
  public boolean isDefault() {
    return strategy == null && models.isEmpty();
  }
}
