package io.tokenmaxx.agents;

/**
 * What a stand-in bills one request for, in disjoint fields (the truth the tests count against):
 * {@code input} excludes every cached token, {@code output} excludes {@code reasoning}. Each
 * stand-in renders it in its provider's own shape (OpenAI and Gemini count cached input inside the
 * prompt; Anthropic counts thinking inside output).
 *
 * @param breakdown whether an Anthropic answer carries the {@code cache_creation} split by TTL (the
 *     first-party API does; Bedrock, Vertex and gateways may not)
 */
public record ServedUsage(long input, long cacheRead, long cacheWrite5m, long cacheWrite1h,
    long output, long reasoning, boolean breakdown) {

  public long cacheWrite() {
    return cacheWrite5m + cacheWrite1h;
  }

  /** Everything the model read: what OpenAI and Gemini call input (or prompt) tokens. */
  public long prompt() {
    return input + cacheRead + cacheWrite();
  }

  /** Everything the model generated: what OpenAI and Anthropic call output tokens. */
  public long generated() {
    return output + reasoning;
  }

  public long total() {
    return prompt() + generated();
  }
}
