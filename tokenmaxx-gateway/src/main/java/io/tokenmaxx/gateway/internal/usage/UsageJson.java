package io.tokenmaxx.gateway.internal.usage;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the usage objects of each provider's answers (JSON bodies and stream events) into
 * {@link TokenUsage}.
 */
public final class UsageJson {
  private UsageJson() {}

  /**
   * Anthropic's {@code usage}: {@code input_tokens} (uncached), {@code cache_read_input_tokens},
   * {@code cache_creation_input_tokens} with its split {@code cache_creation.ephemeral_5m_input_tokens}
   * / {@code ephemeral_1h_input_tokens} (without the split, all writes are 5-minute ones),
   * {@code output_tokens} (thinking included: Anthropic does not report it apart).
   */
  public static TokenUsage anthropic(JsonNode u) {
    if (u == null || !u.isObject()) return null;
    long creation = u.path("cache_creation_input_tokens").asLong(0);
    JsonNode split = u.path("cache_creation");
    long w5 = creation;
    long w1 = 0;
    if (split.isObject()) {
      long s5 = split.path("ephemeral_5m_input_tokens").asLong(0);
      long s1 = split.path("ephemeral_1h_input_tokens").asLong(0);
      if (s5 + s1 > 0 || creation == 0) {
        w5 = s5;
        w1 = s1;
      }
    }
    return new TokenUsage(u.path("input_tokens").asLong(0), u.path("output_tokens").asLong(0),
        u.path("cache_read_input_tokens").asLong(0), w5, w1, 0, false);
  }

  /**
   * Anthropic streams usage twice: {@code message_start} carries the input side (and a first
   * output count), {@code message_delta} the cumulative totals. Each field keeps the larger value.
   */
  public static TokenUsage anthropicMerge(TokenUsage start, TokenUsage delta) {
    if (start == null) return delta;
    if (delta == null) return start;
    return new TokenUsage(Math.max(start.input(), delta.input()), Math.max(start.output(), delta.output()),
        Math.max(start.cacheRead(), delta.cacheRead()),
        delta.cacheWrite5m() + delta.cacheWrite1h() > start.cacheWrite5m() + start.cacheWrite1h()
            ? delta.cacheWrite5m() : start.cacheWrite5m(),
        delta.cacheWrite5m() + delta.cacheWrite1h() > start.cacheWrite5m() + start.cacheWrite1h()
            ? delta.cacheWrite1h() : start.cacheWrite1h(),
        0, false);
  }

  /** OpenAI chat completions and embeddings: {@code prompt_tokens}, {@code completion_tokens} and details. */
  public static TokenUsage openAiChat(JsonNode u) {
    if (u == null || !u.isObject()) return null;
    return TokenUsage.fromOpenAi(u.path("prompt_tokens").asLong(0),
        u.path("prompt_tokens_details").path("cached_tokens").asLong(0),
        u.path("completion_tokens").asLong(0),
        u.path("completion_tokens_details").path("reasoning_tokens").asLong(0));
  }

  /** OpenAI Responses API: {@code input_tokens}, {@code output_tokens} and their details. */
  public static TokenUsage openAiResponses(JsonNode u) {
    if (u == null || !u.isObject()) return null;
    return TokenUsage.fromOpenAi(u.path("input_tokens").asLong(0),
        u.path("input_tokens_details").path("cached_tokens").asLong(0),
        u.path("output_tokens").asLong(0),
        u.path("output_tokens_details").path("reasoning_tokens").asLong(0));
  }
}
