package io.tokenmaxx.server.plan;

import io.tokenmaxx.plan.capacity.ModelDemand;
import java.math.BigDecimal;
import java.util.List;

/**
 * The recorded demand of one model class: the planner's {@link ModelDemand} (what sizing and costs
 * use) and the figures it was derived from.
 *
 * @param modelClass          class name
 * @param label               what the page calls it
 * @param models              recorded models in this class
 * @param people              distinct people who used it in the window
 * @param requests            requests in the window
 * @param activeMinutes       minutes of the window with at least one request
 * @param promptTokens        prompt tokens in the window (uncached input, cache reads and writes)
 * @param generatedTokens     generated tokens in the window (output and reasoning)
 * @param meanInputTokensPerSecond  prompt tokens over the whole window's seconds
 * @param meanOutputTokensPerSecond generated tokens over the whole window's seconds
 * @param promptP50           median prompt per request
 * @param generatedP50        median generated tokens per request
 * @param latencyShare        share of requests whose latency was reported (concurrency rests on them)
 * @param previousTokens      all tokens in the window before (for growth), or null when there was none
 * @param apiSpend            what the window's usage cost at recorded API prices (USD)
 * @param demand              the demand the planner sizes: busy-minute rates, lengths, cache share,
 *                            growth, the self-hosted model and the API it is compared with
 */
public record ClassDemand(
    String modelClass,
    String label,
    List<String> models,
    int people,
    long requests,
    long activeMinutes,
    long promptTokens,
    long generatedTokens,
    double meanInputTokensPerSecond,
    double meanOutputTokensPerSecond,
    double promptP50,
    double generatedP50,
    double latencyShare,
    Long previousTokens,
    BigDecimal apiSpend,
    ModelDemand demand) {

  public ClassDemand {
    models = List.copyOf(models);
  }

  public ClassDemand withDemand(ModelDemand d) {
    return new ClassDemand(modelClass, label, models, people, requests, activeMinutes, promptTokens, generatedTokens,
        meanInputTokensPerSecond, meanOutputTokensPerSecond, promptP50, generatedP50, latencyShare, previousTokens,
        apiSpend, d);
  }
}
