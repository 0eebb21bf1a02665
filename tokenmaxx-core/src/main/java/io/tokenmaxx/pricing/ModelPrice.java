package io.tokenmaxx.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Per-token prices (USD) of one model, in force from {@code effectiveFrom} (null: always) until the
 * next dated price of the same model.
 *
 * @param model         the catalog key
 * @param provider      the vendor as the source names it (anthropic, openai, ...), may be null
 * @param effectiveFrom start of validity, null for "since always"
 * @param source        where the price came from (bundled catalog and its date, or an override file)
 * @param input         uncached input
 * @param output        output (reasoning is billed as output)
 * @param cacheRead     input served from the prompt cache
 * @param cacheWrite5m  input written to the cache with the default 5-minute TTL
 * @param cacheWrite1h  input written to the cache with the 1-hour TTL
 * @param tier          long-context prices, null when the model has none
 * @param fastMultiplier factor applied to the whole request in fast mode (1 when none)
 */
public record ModelPrice(
    String model,
    String provider,
    Instant effectiveFrom,
    String source,
    BigDecimal input,
    BigDecimal output,
    BigDecimal cacheRead,
    BigDecimal cacheWrite5m,
    BigDecimal cacheWrite1h,
    Tier tier,
    BigDecimal fastMultiplier) {

  public ModelPrice {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(cacheRead, "cacheRead");
    Objects.requireNonNull(cacheWrite5m, "cacheWrite5m");
    Objects.requireNonNull(cacheWrite1h, "cacheWrite1h");
    if (fastMultiplier == null) fastMultiplier = BigDecimal.ONE;
  }

  /**
   * Prices of the tokens above {@code threshold} in one category of one request (the category's
   * first {@code threshold} tokens keep the base price). A null price means "the base price".
   */
  public record Tier(long threshold, BigDecimal input, BigDecimal output, BigDecimal cacheRead,
      BigDecimal cacheWrite5m, BigDecimal cacheWrite1h) {}
}
