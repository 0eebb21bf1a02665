package io.tokenmaxx.analyze.page;

import java.util.List;

/**
 * How tokens are used: which kind of tool, which models, what sessions look like, the mix of token
 * kinds, and when (hour of day x weekday).
 *
 * @param period       the range
 * @param suppressed   the filtered population is below k (non-admins): everything withheld
 * @param categories   coding agent vs chat vs API vs other
 * @param tools        per tool
 * @param models       per model
 * @param sessions     session shapes
 * @param ratios       input / output / cache / reasoning ratios
 * @param heatmap      tokens by weekday and hour in the query's zone (cells with no usage omitted)
 * @param unattributed usage without a person
 */
public record UsagePage(
    Period period,
    boolean suppressed,
    List<MixRow> categories,
    List<MixRow> tools,
    List<MixRow> models,
    SessionShapes sessions,
    TokenRatios ratios,
    List<HeatCell> heatmap,
    UnattributedSummary unattributed) {

  /**
   * @param sessions          sessions started in the period
   * @param durationMinutes   first to last request
   * @param tokensPerSession  total tokens
   * @param requestsPerSession model requests
   */
  public record SessionShapes(Long sessions, Distribution durationMinutes, Distribution tokensPerSession,
      Distribution requestsPerSession) {}

  /**
   * @param tokens        tokens by kind
   * @param cacheHitRatio cache reads / (input + cache reads + cache writes): how much of the prompt came from cache
   * @param outputPerInput (output + reasoning) / (input + cache reads + cache writes)
   */
  public record TokenRatios(TokenCounts tokens, Double cacheHitRatio, Double outputPerInput) {}

  /**
   * One cell: ISO weekday (1 = Monday) and hour (0-23), local to the query's zone; {@code people}
   * distinct people in it. Cells with fewer than k people are suppressed for non-admins.
   */
  public record HeatCell(int dayOfWeek, int hour, Long tokens, Long requests, Long records, Long people,
      boolean suppressed) {}
}
