package io.tokenmaxx.cli.plan;

import io.tokenmaxx.plan.Units;
import java.math.BigDecimal;
import java.util.Locale;

/** Number formatting for the plan tables. */
final class Fmt {
  private Fmt() {}

  static String n(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  static String n1(double v) {
    return String.format(Locale.ROOT, "%,.1f", v);
  }

  static String gib(double bytes) {
    return String.format(Locale.ROOT, "%.1f GiB", bytes / Units.GIB);
  }

  static String ms(double seconds) {
    return seconds >= 0.1 ? String.format(Locale.ROOT, "%,.0f ms", seconds * 1000)
        : String.format(Locale.ROOT, "%.1f ms", seconds * 1000);
  }

  static String pct(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  static String usd(BigDecimal v) {
    return String.format(Locale.ROOT, "$%,.0f", v);
  }

  static String label(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
