package io.tokenmaxx.guard;

import java.util.Arrays;

/** Robust statistics: median and the median absolute deviation. */
public final class Stats {
  /** MAD times this estimates the standard deviation of normally distributed data. */
  public static final double MAD_SCALE = 1.4826;

  private Stats() {}

  /** Median; NaN for no values. */
  public static double median(double[] values) {
    if (values.length == 0) return Double.NaN;
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /** Median absolute deviation from the median, scaled to estimate a standard deviation. */
  public static double mad(double[] values) {
    double m = median(values);
    double[] dev = new double[values.length];
    for (int i = 0; i < values.length; i++) dev[i] = Math.abs(values[i] - m);
    return MAD_SCALE * median(dev);
  }
}
