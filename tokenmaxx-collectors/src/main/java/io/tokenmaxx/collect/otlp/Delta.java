package io.tokenmaxx.collect.otlp;

import java.math.BigDecimal;

/**
 * What one metric point adds: {@code current - base} (and the count increase for histograms).
 * Kept as the two reported values so money is subtracted in decimal, not in binary floating point.
 */
record Delta(double current, double base, long count) {

  double value() {
    return current - base;
  }

  BigDecimal decimal() {
    BigDecimal c = BigDecimal.valueOf(current);
    return base == 0 ? c : c.subtract(BigDecimal.valueOf(base));
  }

  boolean isZero() {
    return current == base && count == 0;
  }
}
