package io.tokenmaxx.analyze.page;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * An amount (USD) in the period and in the period before.
 *
 * @param change relative change {@code (current - previous) / previous}; null when previous is 0 or suppressed
 */
public record MoneyTrend(BigDecimal current, BigDecimal previous, Double change) {

  public static MoneyTrend of(BigDecimal current, BigDecimal previous) {
    Double change = previous.signum() == 0 ? null
        : current.subtract(previous).divide(previous, MathContext.DECIMAL64).doubleValue();
    return new MoneyTrend(current, previous, change);
  }

  public static final MoneyTrend SUPPRESSED = new MoneyTrend(null, null, null);
}
