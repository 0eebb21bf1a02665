package io.tokenmaxx.analyze;

import io.tokenmaxx.analyze.page.Period;
import io.tokenmaxx.analyze.store.PersonStats;
import java.util.List;

/**
 * Changes a leaderboard's ranking before its rows are made: leaves people out (e.g. those whose
 * usage was flagged as inflated) or ranks them by another value (e.g. outcomes and check-ins
 * instead of tokens). Adjustments are picked per request by {@link #key()}; the leaderboard
 * re-ranks after them (ties share a rank) and says which were applied. The extension point
 * features plug into, like {@link LeaderboardContextProvider} for columns.
 */
public interface LeaderboardAdjustment {

  /** How requests name it, e.g. {@code exclude-flagged}: lower-case letters, digits and '-'. */
  String key();

  /** Its label on the leaderboard, e.g. "Exclude flagged". */
  String label();

  /** What it does, for a tooltip and the API documentation. */
  String description();

  /**
   * The people to rank and the value each is ranked by: a subset of {@code ranked}, each with the
   * same statistics and possibly another {@link PersonStats#value()} (ranks are ignored, they are
   * assigned afterwards).
   */
  List<PersonStats> adjust(List<PersonStats> ranked, Period period);

  /**
   * True when {@link #adjust} returns the people in their new order with their ranks set (e.g.
   * flagged people moved below everyone else), instead of values to re-rank by.
   */
  default boolean ranksItself() {
    return false;
  }

  /** A person's statistics with another ranked value. */
  static PersonStats withValue(PersonStats s, java.math.BigDecimal value) {
    return new PersonStats(s.person(), s.tokens(), s.cost(), s.records(), s.activeDays(), s.tools(), s.models(),
        s.commits(), s.pullRequests(), s.linesAdded(), s.linesRemoved(), s.editsAccepted(), s.editsRejected(),
        s.activeSecondsUser(), s.activeSecondsAgent(), value, s.rank());
  }

  /** Ranks by value, highest first; ties share the rank of the first of them (SQL {@code RANK()}). */
  static List<PersonStats> rerank(List<PersonStats> people) {
    List<PersonStats> sorted = new java.util.ArrayList<>(people);
    sorted.sort(java.util.Comparator.comparing(PersonStats::value,
        java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())).thenComparing(PersonStats::person));
    List<PersonStats> out = new java.util.ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      PersonStats s = sorted.get(i);
      int rank = i > 0 && java.util.Objects.equals(s.value() == null ? null : s.value().stripTrailingZeros(),
          sorted.get(i - 1).value() == null ? null : sorted.get(i - 1).value().stripTrailingZeros())
          ? out.get(i - 1).rank() : i + 1;
      out.add(new PersonStats(s.person(), s.tokens(), s.cost(), s.records(), s.activeDays(), s.tools(), s.models(),
          s.commits(), s.pullRequests(), s.linesAdded(), s.linesRemoved(), s.editsAccepted(), s.editsRejected(),
          s.activeSecondsUser(), s.activeSecondsAgent(), s.value(), rank));
    }
    return out;
  }
}
