package io.tokenmaxx.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How money is kept: costs in US dollars with at most {@link #SCALE} decimal places (what every
 * store keeps exactly, {@code DECIMAL(38, 18)}) and fewer than {@link #MAX_INTEGER_DIGITS} digits
 * before the point.
 *
 * <p>A cost with more decimal places is <b>rounded half-even to 18 places</b>, never refused: agents
 * compute costs in binary floating point ({@code 0.0011159999999999998} for a request that cost
 * 0.001116), and an 18th decimal of a dollar is far below the price of one token, so rounding
 * changes no sum anyone reads. Half-even keeps sums of many rounded values unbiased. What cannot
 * be a cost (negative, or beyond the stored range) is refused by {@link #problem}.
 */
public final class Costs {
  /** Decimal places kept. */
  public static final int SCALE = 18;
  /** Digits kept before the decimal point: costs are below 10^20 dollars. */
  public static final int MAX_INTEGER_DIGITS = 20;

  private Costs() {}

  /**
   * The cost rounded half-even to {@link #SCALE} places, without trailing zeros (so equal amounts
   * compare equal whatever scale they came with); null stays null. Values far outside the stored
   * range are returned unrounded (cheaply: no digits are expanded) for {@link #problem} to name.
   */
  public static BigDecimal normalize(BigDecimal d) {
    if (d == null) return null;
    if (d.signum() == 0) return BigDecimal.ZERO;
    int exponent = d.precision() - d.scale() - 1; // the power of ten of the leading digit
    if (exponent < -SCALE - 1) return BigDecimal.ZERO; // below half of the last kept place
    if (exponent >= MAX_INTEGER_DIGITS) return d; // refused anyway; setScale(0) could expand it
    BigDecimal r = d.scale() > SCALE ? d.setScale(SCALE, RoundingMode.HALF_EVEN) : d;
    r = r.stripTrailingZeros();
    return r.scale() < 0 ? r.setScale(0) : r;
  }

  /** What is wrong with a cost for storing it (after {@link #normalize}), or null when it fits. */
  public static String problem(BigDecimal d) {
    if (d == null) return null;
    if (d.signum() < 0) return "must not be negative, was " + shortText(d);
    if (d.precision() - d.scale() > MAX_INTEGER_DIGITS) {
      return "is too large (" + shortText(d) + "); costs are kept below 10^" + MAX_INTEGER_DIGITS + " dollars";
    }
    return null;
  }

  /** A number as text without expanding a large exponent (1E+999999999 stays short). */
  static String shortText(BigDecimal d) {
    String s = Math.abs(d.scale()) > 40 ? d.toString() : d.toPlainString();
    return s.length() <= 48 ? s : s.substring(0, 45) + "...";
  }
}
