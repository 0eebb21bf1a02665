package io.tokenmaxx.plan;

/** Argument checks that name the offending field. */
public final class Checks {
  private Checks() {}

  public static String notBlank(String v, String what) {
    if (v == null || v.isBlank()) throw new IllegalArgumentException(what + " is missing");
    return v;
  }

  public static long positive(long v, String what) {
    if (v <= 0) throw new IllegalArgumentException(what + " must be > 0, was " + v);
    return v;
  }

  public static double positive(double v, String what) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(what + " must be a positive number, was " + v);
    }
    return v;
  }

  public static double nonNegative(double v, String what) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(what + " must be >= 0, was " + v);
    }
    return v;
  }

  public static double fraction(double v, String what) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(what + " must be between 0 and 1, was " + v);
    }
    return v;
  }

  /** A fraction strictly above 0 (an efficiency or a share that must not vanish). */
  public static double openFraction(double v, String what) {
    if (!(v > 0 && v <= 1)) {
      throw new IllegalArgumentException(what + " must be > 0 and <= 1, was " + v);
    }
    return v;
  }
}
