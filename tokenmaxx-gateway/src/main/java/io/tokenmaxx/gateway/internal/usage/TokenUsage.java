package io.tokenmaxx.gateway.internal.usage;

/**
 * One request's tokens in tokenmaxx's disjoint fields: {@code input} excludes cache reads and
 * writes, {@code output} excludes {@code reasoning}. {@code estimated} is true when some count came
 * from a tokenizer instead of the provider's own usage report.
 */
public record TokenUsage(long input, long output, long cacheRead, long cacheWrite5m, long cacheWrite1h,
    long reasoning, boolean estimated) {

  public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0, 0, 0, false);

  public long prompt() {
    return input + cacheRead + cacheWrite5m + cacheWrite1h;
  }

  public long generated() {
    return output + reasoning;
  }

  public long total() {
    return prompt() + generated();
  }

  public TokenUsage withEstimated(boolean e) {
    return new TokenUsage(input, output, cacheRead, cacheWrite5m, cacheWrite1h, reasoning, e);
  }

  /**
   * OpenAI's counts: {@code promptTokens} includes {@code cached}, {@code completionTokens}
   * includes {@code reasoningTokens}; split into disjoint fields.
   */
  public static TokenUsage fromOpenAi(long promptTokens, long cached, long completionTokens, long reasoningTokens) {
    long c = Math.min(Math.max(0, cached), Math.max(0, promptTokens));
    long r = Math.min(Math.max(0, reasoningTokens), Math.max(0, completionTokens));
    return new TokenUsage(Math.max(0, promptTokens) - c, Math.max(0, completionTokens) - r, c, 0, 0, r, false);
  }
}
