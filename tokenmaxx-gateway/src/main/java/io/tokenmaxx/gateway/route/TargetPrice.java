package io.tokenmaxx.gateway.route;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * A configured price for one upstream's model (self-hosted endpoints, resellers), in US dollars
 * per million tokens; it takes precedence over the price catalog. Cache reads default to the
 * input price, cache writes to the input price too.
 */
public record TargetPrice(BigDecimal inputPerMillion, BigDecimal outputPerMillion, BigDecimal cacheReadPerMillion,
    BigDecimal cacheWritePerMillion) {
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  public TargetPrice {
    Objects.requireNonNull(inputPerMillion, "input");
    Objects.requireNonNull(outputPerMillion, "output");
    if (cacheReadPerMillion == null) cacheReadPerMillion = inputPerMillion;
    if (cacheWritePerMillion == null) cacheWritePerMillion = inputPerMillion;
    for (BigDecimal p : new BigDecimal[] {inputPerMillion, outputPerMillion, cacheReadPerMillion, cacheWritePerMillion}) {
      if (p.signum() < 0) throw new IllegalArgumentException("prices must not be negative, was " + p);
    }
  }

  /** Cost of disjoint token counts; reasoning is billed as output. */
  public BigDecimal cost(long input, long output, long cacheRead, long cacheWrite) {
    BigDecimal sum = inputPerMillion.multiply(BigDecimal.valueOf(input))
        .add(outputPerMillion.multiply(BigDecimal.valueOf(output)))
        .add(cacheReadPerMillion.multiply(BigDecimal.valueOf(cacheRead)))
        .add(cacheWritePerMillion.multiply(BigDecimal.valueOf(cacheWrite)));
    return sum.divide(MILLION, MathContext.DECIMAL128).stripTrailingZeros();
  }
}
