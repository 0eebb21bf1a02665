package io.tokenmaxx.pricing;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/** The price-file fields the catalog understands (LiteLLM names) and how prices derive from them. */
final class PriceFields {
  static final String INPUT = "input_cost_per_token";
  static final String OUTPUT = "output_cost_per_token";
  static final String CACHE_READ = "cache_read_input_token_cost";
  static final String CACHE_WRITE = "cache_creation_input_token_cost";
  static final String CACHE_WRITE_1H = "cache_creation_input_token_cost_above_1hr";
  static final String FAST = "fast_multiplier";

  static final Set<String> KNOWN = Set.of(INPUT, OUTPUT, CACHE_READ, CACHE_WRITE, CACHE_WRITE_1H,
      "input_cost_per_token_above_200k_tokens", "output_cost_per_token_above_200k_tokens",
      "cache_read_input_token_cost_above_200k_tokens", "cache_creation_input_token_cost_above_200k_tokens",
      "cache_creation_input_token_cost_above_1hr_above_200k_tokens",
      "input_cost_per_token_above_272k_tokens", "output_cost_per_token_above_272k_tokens",
      "cache_read_input_token_cost_above_272k_tokens", "cache_creation_input_token_cost_above_272k_tokens",
      "input_cost_per_token_priority", "output_cost_per_token_priority", "cache_read_input_token_cost_priority",
      "max_input_tokens", FAST);

  private static final BigDecimal WRITE_5M = new BigDecimal("1.25");
  private static final BigDecimal WRITE_1H = new BigDecimal("2");
  private static final BigDecimal ANTHROPIC_READ = new BigDecimal("0.1");

  private PriceFields() {}

  /**
   * Builds the price from the fields given. Missing cache prices derive from the input price the
   * way Anthropic prices them (5-minute write 1.25x, 1-hour write 2x, read 0.1x); a cache read of a
   * non-Anthropic model without a price costs the input price (no discount is assumed).
   */
  static ModelPrice compile(String model, String provider, java.time.Instant from, String source,
      Map<String, BigDecimal> f) {
    BigDecimal in = f.get(INPUT);
    BigDecimal out = f.get(OUTPUT);
    if (in == null || out == null) {
      throw new IllegalArgumentException("model '" + model + "' needs " + INPUT + " and " + OUTPUT);
    }
    boolean anthropic = provider == null ? model.contains("claude") : provider.contains("anthropic")
        || model.contains("claude");
    BigDecimal read = or(f.get(CACHE_READ), anthropic ? in.multiply(ANTHROPIC_READ) : in);
    BigDecimal write5m = or(f.get(CACHE_WRITE), in.multiply(WRITE_5M));
    BigDecimal write1h = or(f.get(CACHE_WRITE_1H), in.multiply(WRITE_1H));
    ModelPrice.Tier tier = tier(f, "200k", 200_000);
    if (tier == null) tier = tier(f, "272k", 272_000);
    return new ModelPrice(model, provider, from, source, in, out, read, write5m, write1h, tier, f.get(FAST));
  }

  private static ModelPrice.Tier tier(Map<String, BigDecimal> f, String label, long threshold) {
    String s = "_above_" + label + "_tokens";
    BigDecimal in = f.get("input_cost_per_token" + s);
    BigDecimal out = f.get("output_cost_per_token" + s);
    BigDecimal read = f.get("cache_read_input_token_cost" + s);
    BigDecimal write = f.get("cache_creation_input_token_cost" + s);
    BigDecimal write1h = f.get("cache_creation_input_token_cost_above_1hr" + s);
    if (in == null && out == null && read == null && write == null && write1h == null) return null;
    if (write1h == null && in != null) write1h = in.multiply(WRITE_1H);
    return new ModelPrice.Tier(threshold, in, out, read, write, write1h);
  }

  private static BigDecimal or(BigDecimal a, BigDecimal b) {
    return a != null ? a : b;
  }
}
