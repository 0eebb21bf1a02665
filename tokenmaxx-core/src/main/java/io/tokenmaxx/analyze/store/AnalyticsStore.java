package io.tokenmaxx.analyze.store;

import io.tokenmaxx.analyze.DepthThresholds;
import io.tokenmaxx.analyze.LeaderboardMeasure;
import io.tokenmaxx.model.OutcomeKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Aggregate queries over usage and outcomes (see {@link Scope} for which records each covers).
 * Everything here is about groups or people in bulk; privacy rules are applied above it, by
 * {@link io.tokenmaxx.analyze.AnalyticsService}. Implementations must agree exactly with {@link
 * ReferenceAnalyticsStore} (percentiles and shares to floating-point rounding).
 */
public interface AnalyticsStore {

  /** Sums grouped by the keys, ordered by key (nulls last). No keys: one row (absent when nothing matched). */
  List<UsageRow> usage(Scope scope, List<GroupKey> keys);

  /**
   * {@link #usage} without {@link UsageRow#activeDays()} (always 0 here): one aggregation instead
   * of two, for the many breakdowns that show sums and people only.
   */
  default List<UsageRow> sums(Scope scope, List<GroupKey> keys) {
    List<UsageRow> out = new java.util.ArrayList<>();
    for (UsageRow r : usage(scope, keys)) {
      out.add(new UsageRow(r.key(), r.inputTokens(), r.outputTokens(), r.cacheReadTokens(), r.cacheWriteTokens(),
          r.reasoningTokens(), r.requests(), r.records(), r.cost(), r.unpriced(), r.people(), 0));
    }
    return out;
  }

  /**
   * {@link #sums} for several groupings of one scope at once, in the order asked (a SQL store
   * answers them in one scan with GROUPING SETS). Each list is what {@code sums(scope, keys)}
   * returns for that grouping.
   */
  default List<List<UsageRow>> sumsBy(Scope scope, List<List<GroupKey>> groupings) {
    List<List<UsageRow>> out = new java.util.ArrayList<>();
    for (List<GroupKey> keys : groupings) out.add(sums(scope, keys));
    return out;
  }

  /**
   * The local day (in the scope's zone) of each person's first usage ever, under the scope's
   * tool, model and people filters but <b>not</b> its date range. Non-null persons only.
   */
  Map<String, LocalDate> firstUse(Scope scope);

  /**
   * Per person with usage in the scope (non-null persons): totals, outcomes in the range, and the
   * rank by {@code measure}, ordered by rank then person id.
   */
  List<PersonStats> people(Scope scope, LeaderboardMeasure measure);

  /**
   * Per person with usage in the scope (non-null persons): the number of distinct tools and models,
   * ordered by person id. What {@link #people} also says, without its totals, outcomes and ranks —
   * stores answer it with a lighter query.
   */
  default List<PersonVariety> variety(Scope scope) {
    List<PersonVariety> out = new java.util.ArrayList<>();
    for (PersonStats p : people(scope, io.tokenmaxx.analyze.LeaderboardMeasure.TOOLS)) {
      out.add(new PersonVariety(p.person(), p.tools().size(), p.models()));
    }
    out.sort(java.util.Comparator.comparing(PersonVariety::person));
    return out;
  }

  /** Per week of the range: people by active days that week (within the range), ordered by week. */
  List<DepthRow> depth(Scope scope, DepthThresholds thresholds);

  /**
   * Retention of the cohorts whose first use ever falls in a week starting within [week of
   * {@code from}, {@code to}]: active people per cohort and week offset, up to the week of {@code to}.
   */
  List<RetentionRow> retention(Scope scope);

  /** Sessions started in the scope, newest first, at most {@code limit}. */
  List<SessionRow> sessions(Scope scope, int limit);

  /** Distributions over the sessions started in the scope. */
  SessionShapeStats sessionShapes(Scope scope);

  /** Outcome sums by kind in the scope's range, for its people. */
  Map<OutcomeKind, Double> outcomes(Scope scope);

  /** Outcome sums by person (non-null persons) and kind in the scope's range, for its people. */
  Map<String, Map<OutcomeKind, Double>> outcomesByPerson(Scope scope);

  /** Per person of the directory with usage in the scope: spend against annual loaded cost, by person id. */
  List<SpendShareRow> personSpendShares(Scope scope);

  /** Per team with people in the scope: spend against the members' total annual loaded cost, by team id. */
  List<SpendShareRow> teamSpendShares(Scope scope);

  /**
   * Totals of the records in scope without a person, and the number of distinct raw identities
   * among them (no identity at all counts as one).
   */
  UnattributedTotals unattributedTotals(Scope scope);

  /** Identities of records without a person, by total tokens (largest first), at most {@code limit}. */
  List<IdentityUsage> unattributed(Scope scope, int limit);
}
