package io.tokenmaxx.plan.tco;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounds computed amounts to cents for reporting. */
final class Money {
  private Money() {}

  static BigDecimal usd(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) throw new ArithmeticException("amount is not finite: " + v);
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN);
  }
}
