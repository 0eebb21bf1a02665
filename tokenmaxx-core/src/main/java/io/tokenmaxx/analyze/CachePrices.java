package io.tokenmaxx.analyze;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The two prices cache savings need: what an input token costs uncached, and what it costs as a
 * cache read, per token in USD, for a model on a day. Cache savings = cache-read tokens x (input
 * price - cache-read price). Backed by the price catalog where one is configured.
 */
public interface CachePrices {

  /** Prices of the model in force on the day, or null when the model has no known price. */
  Rates rates(String model, LocalDate day);

  /** Per-token prices. */
  record Rates(BigDecimal input, BigDecimal cacheRead, String source) {}

  /** Knows no prices: savings are reported as unknown, never as zero. */
  CachePrices NONE = (model, day) -> null;

  /**
   * Base (not long-context tier) input and cache-read prices from the price catalog, in force at
   * noon UTC of the day.
   */
  static CachePrices of(io.tokenmaxx.pricing.PriceCatalog catalog) {
    return (model, day) -> {
      io.tokenmaxx.pricing.PriceMatch m = catalog.find(model, day.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC));
      if (m == null) return null;
      return new Rates(m.price().input(), m.price().cacheRead(), m.ref());
    };
  }
}
