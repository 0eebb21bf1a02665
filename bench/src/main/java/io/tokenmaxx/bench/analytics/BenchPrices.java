package io.tokenmaxx.bench.analytics;

import io.tokenmaxx.analyze.CachePrices;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Stand-in per-model prices for the benchmark's generated records (USD per million tokens:
 * input, output, cache read, cache write). Close to list prices in shape, not authoritative; one
 * model stays unpriced so the unpriced path is exercised.
 */
final class BenchPrices {
  private BenchPrices() {}

  private static final Map<String, long[]> MICRO_PER_MILLION = Map.ofEntries(
      Map.entry("claude-sonnet-4-6", new long[] {3_000_000, 15_000_000, 300_000, 3_750_000}),
      Map.entry("claude-opus-4-7", new long[] {5_000_000, 25_000_000, 500_000, 6_250_000}),
      Map.entry("claude-haiku-4-5", new long[] {1_000_000, 5_000_000, 100_000, 1_250_000}),
      Map.entry("gpt-5.1-codex", new long[] {1_250_000, 10_000_000, 125_000, 0}),
      Map.entry("gpt-5.1", new long[] {1_250_000, 10_000_000, 125_000, 0}),
      Map.entry("gpt-5.1-codex-mini", new long[] {250_000, 2_000_000, 25_000, 0}),
      Map.entry("gemini-3-pro-preview", new long[] {2_000_000, 12_000_000, 200_000, 0}),
      Map.entry("gemini-3-flash", new long[] {500_000, 3_000_000, 50_000, 0}),
      Map.entry("gpt-5-mini", new long[] {250_000, 2_000_000, 25_000, 0}));

  /** Cost in USD with 12 decimals (micro-dollars per million tokens = 1e-12 USD per token), or null. */
  static BigDecimal cost(UsageRecord r) {
    long[] p = MICRO_PER_MILLION.get(r.model());
    if (p == null) return null;
    long picos = r.inputTokens() * p[0] + (r.outputTokens() + r.reasoningTokens()) * p[1]
        + r.cacheReadTokens() * p[2] + r.cacheWriteTokens() * p[3];
    return BigDecimal.valueOf(picos, 12);
  }

  static final CachePrices CACHE = (model, day) -> {
    long[] p = MICRO_PER_MILLION.get(model);
    if (p == null) return null;
    return new CachePrices.Rates(BigDecimal.valueOf(p[0], 12), BigDecimal.valueOf(p[2], 12), "bench stand-in");
  };
}
