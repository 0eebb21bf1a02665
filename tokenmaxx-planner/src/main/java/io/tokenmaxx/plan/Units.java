package io.tokenmaxx.plan;

/** Unit constants. */
public final class Units {
  private Units() {}

  /** Bytes in a GiB. */
  public static final double GIB = 1024.0 * 1024 * 1024;
  /** Hours in an average month (8,760 / 12). */
  public static final double HOURS_PER_MONTH = 730.0;
  /** Seconds in an average month. */
  public static final double SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
}
