package io.tokenmaxx.plan.capacity;

import io.tokenmaxx.plan.Checks;
import io.tokenmaxx.plan.Units;

/**
 * The demand of one class of traffic served by one model: how many tokens flow at busy minutes,
 * how long prompts and answers are, how much of each prompt is a cache hit, and how fast it grows.
 *
 * @param modelClass             a label for the traffic (e.g. {@code coding-large})
 * @param model                  catalog name of the model that serves it
 * @param inputTokensPerSecond   prompt tokens/s (cache hits included)
 * @param outputTokensPerSecond  generated tokens/s
 * @param concurrentRequests     requests in flight at once
 * @param inputLength            prompt length per request
 * @param outputLength           answer length per request
 * @param cacheShare             share of prompt tokens served from a prefix cache, 0..1 (below 1)
 * @param monthlyGrowth          growth of all rates per month (0.05 = 5 %)
 * @param apiModel               API the traffic would otherwise use (catalog name), or null
 * @param inputTokensPerMonth    prompt tokens over a whole month (for costs), or 0 to estimate it from the p50 rate
 * @param outputTokensPerMonth   generated tokens over a whole month, or 0 to estimate it from the p50 rate
 */
public record ModelDemand(
    String modelClass,
    String model,
    Rates inputTokensPerSecond,
    Rates outputTokensPerSecond,
    Rates concurrentRequests,
    Lengths inputLength,
    Lengths outputLength,
    double cacheShare,
    double monthlyGrowth,
    String apiModel,
    double inputTokensPerMonth,
    double outputTokensPerMonth) {

  public ModelDemand {
    Checks.notBlank(model, "model");
    modelClass = modelClass == null || modelClass.isBlank() ? model : modelClass;
    if (inputTokensPerSecond == null) throw new IllegalArgumentException(modelClass + ": input tokens/s are missing");
    if (outputTokensPerSecond == null) throw new IllegalArgumentException(modelClass + ": output tokens/s are missing");
    if (concurrentRequests == null) concurrentRequests = Rates.ZERO;
    if (inputLength == null) throw new IllegalArgumentException(modelClass + ": input length is missing");
    if (outputLength == null) throw new IllegalArgumentException(modelClass + ": output length is missing");
    Checks.fraction(cacheShare, modelClass + ": cache share");
    if (cacheShare >= 1) throw new IllegalArgumentException(modelClass + ": cache share must be below 1");
    if (!(monthlyGrowth > -1) || Double.isInfinite(monthlyGrowth)) {
      throw new IllegalArgumentException(modelClass + ": monthly growth must be > -1, was " + monthlyGrowth);
    }
    Checks.nonNegative(inputTokensPerMonth, modelClass + ": input tokens per month");
    Checks.nonNegative(outputTokensPerMonth, modelClass + ": output tokens per month");
  }

  /** A demand without recorded monthly totals (they are estimated from the p50 rates). */
  public ModelDemand(String modelClass, String model, Rates inputTokensPerSecond, Rates outputTokensPerSecond,
      Rates concurrentRequests, Lengths inputLength, Lengths outputLength, double cacheShare, double monthlyGrowth,
      String apiModel) {
    this(modelClass, model, inputTokensPerSecond, outputTokensPerSecond, concurrentRequests, inputLength, outputLength,
        cacheShare, monthlyGrowth, apiModel, 0, 0);
  }

  /** Prompt tokens per month: as recorded, else the p50 busy-minute rate held all month (an upper estimate). */
  public double monthlyInputTokens() {
    return inputTokensPerMonth > 0 ? inputTokensPerMonth : inputTokensPerSecond.p50() * Units.SECONDS_PER_MONTH;
  }

  /** Generated tokens per month: as recorded, else the p50 busy-minute rate held all month (an upper estimate). */
  public double monthlyOutputTokens() {
    return outputTokensPerMonth > 0 ? outputTokensPerMonth : outputTokensPerSecond.p50() * Units.SECONDS_PER_MONTH;
  }

  /** Peak output rate over the monthly average output rate (at least 1). */
  public double peakToAverage() {
    double avg = monthlyOutputTokens() / Units.SECONDS_PER_MONTH;
    return avg > 0 ? Math.max(1, outputTokensPerSecond.peak() / avg) : 1;
  }

  /** All rates times {@code factor} (a what-if). */
  public ModelDemand scaled(double factor) {
    Checks.nonNegative(factor, "scale factor");
    return new ModelDemand(modelClass, model, inputTokensPerSecond.times(factor), outputTokensPerSecond.times(factor),
        concurrentRequests.times(factor), inputLength, outputLength, cacheShare, monthlyGrowth, apiModel,
        inputTokensPerMonth * factor, outputTokensPerMonth * factor);
  }

  /** The same traffic served by another model (a what-if). */
  public ModelDemand withModel(String otherModel) {
    return new ModelDemand(modelClass, otherModel, inputTokensPerSecond, outputTokensPerSecond, concurrentRequests,
        inputLength, outputLength, cacheShare, monthlyGrowth, apiModel, inputTokensPerMonth, outputTokensPerMonth);
  }

  /** The demand {@code months} months from now at its growth rate. */
  public ModelDemand grown(int months) {
    return scaled(Math.pow(1 + monthlyGrowth, months));
  }
}
