package io.tokenmaxx.gateway.route;

import java.util.Arrays;
import java.util.Locale;

/** Why a cascade hands a request to its next (stronger) target. */
public enum Escalation {
  /** The answer was cut off by its length limit (finish_reason length, stop_reason max_tokens). */
  LENGTH,
  /** The model refused (OpenAI's refusal field, Anthropic's stop_reason refusal). */
  REFUSAL,
  /** JSON was asked for (response_format / text.format) and the answer does not parse as JSON. */
  INVALID_JSON,
  /** The prompt is larger than the target's context window (decided before sending). */
  CONTEXT;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Escalation parse(String s) {
    for (Escalation x : values()) if (x.label().equals(s.trim().toLowerCase(Locale.ROOT))) return x;
    throw new IllegalArgumentException("unknown escalation rule '" + s + "', expected one of "
        + Arrays.stream(values()).map(Escalation::label).toList());
  }
}
