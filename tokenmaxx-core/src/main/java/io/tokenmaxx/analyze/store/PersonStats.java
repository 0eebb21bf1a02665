package io.tokenmaxx.analyze.store;

import java.math.BigDecimal;
import java.util.List;

/**
 * One person's usage and outcomes in a scope, plus their rank by a measure.
 *
 * @param person      person id
 * @param tokens      total tokens
 * @param cost        effective cost
 * @param records     usage records
 * @param activeDays  local days with usage
 * @param tools       distinct tools, sorted
 * @param models      distinct models
 * @param commits     outcome sums in the scope's range ...
 * @param value       the measure ranked by ({@link AnalyticsStore#people}); null for people
 *                    the measure does not rank (outcomes per token without outcomes data is 0, not null)
 * @param rank        1 = highest value; ties share a rank (SQL {@code RANK()})
 */
public record PersonStats(
    String person,
    long tokens,
    BigDecimal cost,
    long records,
    int activeDays,
    List<String> tools,
    int models,
    double commits,
    double pullRequests,
    double linesAdded,
    double linesRemoved,
    double editsAccepted,
    double editsRejected,
    double activeSecondsUser,
    double activeSecondsAgent,
    BigDecimal value,
    int rank) {

  public double outcomeUnits() {
    return commits + pullRequests;
  }
}
