package io.tokenmaxx.server.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Number, money and date formatting for templates: short, readable, one locale (en). */
public final class Fmt {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

  private Fmt() {}

  /** 1234 → "1,234"; 1_234_567 → "1.2M"; 12_345_678_901 → "12.3B". */
  public static String count(long n) {
    long a = Math.abs(n);
    if (a < 10_000) return group(n);
    if (a < 1_000_000) return one(n / 1e3) + "k";
    if (a < 1_000_000_000) return one(n / 1e6) + "M";
    if (a < 1_000_000_000_000L) return one(n / 1e9) + "B";
    return one(n / 1e12) + "T";
  }

  public static String count(Number n) {
    return n == null ? "–" : count(n.longValue());
  }

  /** Thousands separators, no abbreviation. */
  public static String group(long n) {
    return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(n);
  }

  /** US dollars: "$1,234" above $100, "$12.34" below, "$0.0012" for tiny amounts; "–" for null. */
  public static String money(BigDecimal v) {
    if (v == null) return "–";
    BigDecimal a = v.abs();
    DecimalFormat f;
    if (a.compareTo(BigDecimal.valueOf(100)) >= 0) f = new DecimalFormat("$#,##0");
    else if (a.compareTo(BigDecimal.valueOf(0.01)) >= 0 || a.signum() == 0) f = new DecimalFormat("$#,##0.00");
    else f = new DecimalFormat("$0.0000");
    f.setDecimalFormatSymbols(DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(v);
  }

  /** A share 0..1 as "42%" (one decimal below 10%). */
  public static String pct(double share) {
    if (Double.isNaN(share)) return "–";
    double p = share * 100;
    if (p != 0 && Math.abs(p) < 10) return String.format(Locale.ENGLISH, "%.1f%%", p);
    return String.format(Locale.ENGLISH, "%.0f%%", p);
  }

  public static String pct(Double share) {
    return share == null ? "–" : pct(share.doubleValue());
  }

  /** A signed change as "+12%" / "−5%". */
  public static String delta(Double change) {
    if (change == null || change.isNaN() || change.isInfinite()) return "";
    String s = pct(Math.abs(change));
    return (change >= 0 ? "+" : "−") + s;
  }

  public static String decimal(double v, int places) {
    if (Double.isNaN(v)) return "–";
    return String.format(Locale.ENGLISH, "%,." + places + "f", v);
  }

  public static String day(LocalDate d) {
    return d == null ? "–" : DAY.format(d);
  }

  public static String shortDay(LocalDate d) {
    return d == null ? "–" : SHORT_DAY.format(d);
  }

  public static String time(Instant t, ZoneId zone) {
    return t == null ? "–" : TIME.format(t.atZone(zone));
  }

  public static String time(Instant t) {
    return t == null ? "–" : time(t, ZoneId.of("UTC")) + " UTC";
  }

  /** Seconds as "45 s", "12 min", "3.5 h". */
  public static String duration(double seconds) {
    if (Double.isNaN(seconds)) return "–";
    if (seconds < 90) return Math.round(seconds) + " s";
    if (seconds < 5400) return Math.round(seconds / 60) + " min";
    return one(seconds / 3600) + " h";
  }

  private static String one(double v) {
    String s = String.format(Locale.ENGLISH, "%.1f", v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
