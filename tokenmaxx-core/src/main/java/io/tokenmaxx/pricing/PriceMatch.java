package io.tokenmaxx.pricing;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The price that applies to one model at one time, ready to cost a request. Costs follow the
 * semantics of the widely used ccusage tool so that reports agree with it: each token category is
 * priced on its own; a category's tokens above the tier threshold (in one request) take the tier
 * price; reasoning tokens are output; 1-hour cache writes cost twice the input price unless the
 * catalog says otherwise; fast mode multiplies the whole request.
 *
 * <p>Arithmetic is exact: prices are kept in pico-dollars (10<sup>-12</sup> USD) per token where
 * that is exact (every catalog price is), else in {@link BigDecimal}.
 */
public final class PriceMatch {
  private static final int IN = 0, OUT = 1, CR = 2, CW5 = 3, CW1 = 4;
  private static final BigDecimal PICOS = BigDecimal.ONE.movePointRight(12);

  private final ModelPrice price;
  private final boolean fast;
  private final String ref;
  private final long threshold;
  private final BigDecimal[] base = new BigDecimal[5];
  private final BigDecimal[] above = new BigDecimal[5];
  private final long[] basePicos = new long[5];
  private final long[] abovePicos = new long[5];
  private final boolean picoExact;
  private final BigDecimal multiplier;
  /** The multiplier when it is a whole number, else -1. */
  private final long multiplierPicos;

  PriceMatch(ModelPrice price, boolean fast) {
    this.price = price;
    this.fast = fast;
    this.multiplier = fast ? price.fastMultiplier() : BigDecimal.ONE;
    long whole;
    try {
      whole = multiplier.stripTrailingZeros().scale() <= 0 ? multiplier.longValueExact() : -1;
    } catch (ArithmeticException e) {
      whole = -1;
    }
    this.multiplierPicos = whole;
    base[IN] = price.input();
    base[OUT] = price.output();
    base[CR] = price.cacheRead();
    base[CW5] = price.cacheWrite5m();
    base[CW1] = price.cacheWrite1h();
    ModelPrice.Tier t = price.tier();
    threshold = t == null ? Long.MAX_VALUE : t.threshold();
    if (t != null) {
      above[IN] = t.input();
      above[OUT] = t.output();
      above[CR] = t.cacheRead();
      above[CW5] = t.cacheWrite5m();
      above[CW1] = t.cacheWrite1h();
    }
    boolean exact = true;
    for (int i = 0; i < 5; i++) {
      if (above[i] == null) above[i] = base[i];
      Long b = picos(base[i]);
      Long a = picos(above[i]);
      if (b == null || a == null) {
        exact = false;
      } else {
        basePicos[i] = b;
        abovePicos[i] = a;
      }
    }
    picoExact = exact;
    StringBuilder r = new StringBuilder(price.source()).append(':').append(price.model());
    if (price.effectiveFrom() != null) r.append(" from ").append(price.effectiveFrom());
    if (fast) r.append(" fast x").append(multiplier.stripTrailingZeros().toPlainString());
    ref = r.toString();
  }

  private static Long picos(BigDecimal perToken) {
    BigDecimal p = perToken.multiply(PICOS);
    try {
      return p.stripTrailingZeros().scale() <= 0 ? p.longValueExact() : null;
    } catch (ArithmeticException e) {
      return null;
    }
  }

  public ModelPrice price() {
    return price;
  }

  /** True when fast-mode pricing (the multiplier) applies. */
  public boolean fast() {
    return fast;
  }

  /** Provenance for {@code UsageRecord.priceRef}: source, catalog key, validity, fast mode. */
  public String ref() {
    return ref;
  }

  /**
   * Cost in USD of one request's tokens. Token counts are disjoint; pass reasoning tokens in
   * {@code output} (they are billed as output).
   */
  public BigDecimal cost(long input, long output, long cacheRead, long cacheWrite5m, long cacheWrite1h) {
    if (picoExact) {
      try {
        long p = Math.addExact(Math.addExact(
            Math.addExact(tieredPicos(IN, input), tieredPicos(OUT, output)),
            Math.addExact(tieredPicos(CR, cacheRead), tieredPicos(CW5, cacheWrite5m))),
            tieredPicos(CW1, cacheWrite1h));
        BigDecimal usd = BigDecimal.valueOf(p, 12);
        return multiplier.signum() == 0 || multiplier.compareTo(BigDecimal.ONE) == 0
            ? usd : usd.multiply(multiplier);
      } catch (ArithmeticException overflow) {
        // fall through to BigDecimal arithmetic
      }
    }
    return costExact(input, output, cacheRead, cacheWrite5m, cacheWrite1h);
  }

  /** Marks a cost {@link #costPicos} cannot give as a whole number of pico-dollars. */
  public static final long NOT_EXACT = Long.MIN_VALUE;

  /**
   * {@link #cost} in pico-dollars (10<sup>-12</sup> USD) without allocating, or {@link #NOT_EXACT}
   * when it is not a whole number of pico-dollars or would overflow (then use {@link #cost}).
   */
  public long costPicos(long input, long output, long cacheRead, long cacheWrite5m, long cacheWrite1h) {
    if (!picoExact) return NOT_EXACT;
    try {
      long p = Math.addExact(Math.addExact(
          Math.addExact(tieredPicos(IN, input), tieredPicos(OUT, output)),
          Math.addExact(tieredPicos(CR, cacheRead), tieredPicos(CW5, cacheWrite5m))),
          tieredPicos(CW1, cacheWrite1h));
      if (multiplierPicos == 1) return p;
      if (multiplierPicos > 0) return Math.multiplyExact(p, multiplierPicos);
      return NOT_EXACT;
    } catch (ArithmeticException overflow) {
      return NOT_EXACT;
    }
  }

  /** The same cost computed entirely in BigDecimal (the reference the fast path is tested against). */
  BigDecimal costExact(long input, long output, long cacheRead, long cacheWrite5m, long cacheWrite1h) {
    BigDecimal sum = tiered(IN, input).add(tiered(OUT, output)).add(tiered(CR, cacheRead))
        .add(tiered(CW5, cacheWrite5m)).add(tiered(CW1, cacheWrite1h));
    return multiplier.compareTo(BigDecimal.ONE) == 0 ? sum : sum.multiply(multiplier);
  }

  private long tieredPicos(int k, long tokens) {
    if (tokens == 0) return 0;
    if (tokens > threshold) {
      return Math.addExact(Math.multiplyExact(threshold, basePicos[k]),
          Math.multiplyExact(tokens - threshold, abovePicos[k]));
    }
    return Math.multiplyExact(tokens, basePicos[k]);
  }

  private BigDecimal tiered(int k, long tokens) {
    if (tokens == 0) return BigDecimal.ZERO;
    if (tokens > threshold) {
      return base[k].multiply(BigDecimal.valueOf(threshold))
          .add(above[k].multiply(new BigDecimal(BigInteger.valueOf(tokens - threshold))));
    }
    return base[k].multiply(BigDecimal.valueOf(tokens));
  }

  @Override
  public String toString() {
    return ref;
  }
}
