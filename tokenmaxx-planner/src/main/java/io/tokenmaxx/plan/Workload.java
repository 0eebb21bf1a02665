package io.tokenmaxx.plan;

/**
 * The shape of the requests: prompt and answer lengths, and how much of each prompt is already in
 * the prefix cache (its KV is reused, so it costs memory but no prefill compute).
 *
 * @param inputTokens         prompt length (ISL), tokens
 * @param outputTokens        answer length (OSL), tokens
 * @param cachedInputFraction share of the prompt found in the prefix cache, 0..1 (below 1)
 */
public record Workload(int inputTokens, int outputTokens, double cachedInputFraction) {

  public Workload {
    Checks.positive(inputTokens, "input length (ISL)");
    Checks.positive(outputTokens, "output length (OSL)");
    Checks.fraction(cachedInputFraction, "cached input share");
    if (cachedInputFraction >= 1) {
      throw new IllegalArgumentException("cached input share must be below 1, was " + cachedInputFraction);
    }
  }

  public static Workload of(int inputTokens, int outputTokens) {
    return new Workload(inputTokens, outputTokens, 0);
  }

  /** Tokens one sequence holds in the KV cache when it finishes. */
  public int sequenceTokens() {
    return inputTokens + outputTokens;
  }

  /** Prompt tokens that need prefill compute (not served from the prefix cache). */
  public double uncachedInputTokens() {
    return inputTokens * (1 - cachedInputFraction);
  }

  /** Mean context a decode step attends to over a sequence's life: the prompt plus half the answer. */
  public double meanDecodeContext() {
    return inputTokens + outputTokens / 2.0;
  }

  /** Mean context an uncached prompt token attends to: the cached prefix plus half the rest (causal). */
  public double meanPrefillContext() {
    return inputTokens * cachedInputFraction + uncachedInputTokens() / 2.0;
  }
}
