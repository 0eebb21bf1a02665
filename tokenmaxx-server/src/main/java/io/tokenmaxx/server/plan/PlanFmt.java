package io.tokenmaxx.server.plan;

import io.tokenmaxx.plan.Fit;
import io.tokenmaxx.plan.Limiter;
import io.tokenmaxx.plan.tco.Option;
import io.tokenmaxx.plan.tco.Volumes;
import java.util.Locale;

/** Formatting for the Capacity &amp; TCO page. */
public final class PlanFmt {
  private PlanFmt() {}

  /** Tokens per second: "1,234", "12.3k", "15.0M" or "2.1B". */
  public static String rate(double v) {
    if (v >= 1e9) return String.format(Locale.ENGLISH, "%.1fB", v / 1e9);
    if (v >= 1e6) return String.format(Locale.ENGLISH, "%.1fM", v / 1e6);
    if (v >= 10_000) return String.format(Locale.ENGLISH, "%.1fk", v / 1000);
    if (v >= 10) return String.format(Locale.ENGLISH, "%,.0f", v);
    return String.format(Locale.ENGLISH, "%.1f", v);
  }

  /** A token count: "12.3B". */
  public static String tokens(double v) {
    return Volumes.human(v);
  }

  /** A token count or "never". */
  public static String tokens(Double v) {
    return v == null ? "never at these prices" : Volumes.human(v);
  }

  public static String gib(double v) {
    return String.format(Locale.ENGLISH, "%.1f GiB", v);
  }

  public static String ms(double v) {
    return v >= 1000 ? String.format(Locale.ENGLISH, "%.1f s", v / 1000) : String.format(Locale.ENGLISH, "%.0f ms", v);
  }

  public static String month(Integer m, int horizon) {
    return m == null ? "not within " + horizon + " months" : "month " + m;
  }

  public static String months(Double m) {
    return m == null ? "never" : String.format(Locale.ENGLISH, "%.1f months", m);
  }

  public static String option(Option o) {
    return o == null ? "–" : switch (o) {
      case BUY -> "Own";
      case RENT -> "Rent";
      case API -> "API";
    };
  }

  public static String limiter(Limiter l) {
    return switch (l) {
      case KV_CACHE -> "KV cache";
      case MAX_BATCH -> "max batch";
      case STEP_TOKEN_BUDGET -> "step token budget";
      case LATENCY_TARGET -> "latency target";
      case NONE -> "–";
    };
  }

  public static String fit(Fit f) {
    return switch (f) {
      case FITS -> "fits";
      case KV_STARVED -> "KV-cache-starved";
      case LATENCY_UNMET -> "misses the latency targets";
      case DOES_NOT_FIT -> "does not fit";
    };
  }

  /** Growth per month as "+8.0%". */
  public static String growth(double g) {
    return String.format(Locale.ENGLISH, "%+.1f%%", g * 100);
  }

  public static String number(double v, int places) {
    return String.format(Locale.ENGLISH, "%,." + places + "f", v);
  }
}
