package io.tokenmaxx.plan.tco;

import java.util.Locale;

/** Human-readable token counts: 1.2M, 3.4B. */
public final class Volumes {
  private Volumes() {}

  public static String human(double tokens) {
    double a = Math.abs(tokens);
    if (a >= 1e12) return String.format(Locale.ROOT, "%.1fT", tokens / 1e12);
    if (a >= 1e9) return String.format(Locale.ROOT, "%.1fB", tokens / 1e9);
    if (a >= 1e6) return String.format(Locale.ROOT, "%.1fM", tokens / 1e6);
    if (a >= 1e3) return String.format(Locale.ROOT, "%.1fk", tokens / 1e3);
    return String.format(Locale.ROOT, "%.0f", tokens);
  }
}
