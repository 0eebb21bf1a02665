package io.tokenmaxx.analyze.page;

import java.math.BigDecimal;
import java.util.List;

/**
 * One team's usage. Aggregates follow k (a team smaller than k shows nothing to non-admins);
 * member rows and sessions only for members the viewer may see individually.
 *
 * @param period         the range
 * @param id             team id
 * @param name           team name
 * @param department     the team's department
 * @param headcount      people in the team
 * @param suppressed     fewer than k people (non-admins): totals, timelines and mixes withheld
 * @param totals         usage totals in the period
 * @param spend          spend in the period vs the previous period
 * @param daily          tokens and cost per day and tool
 * @param tools          tool mix
 * @param models         model mix
 * @param recentSessions latest sessions of visible members
 * @param outcomes       outcome sums in the period
 * @param spendShare     spend against the team's total annual loaded cost
 * @param members        visible members with their totals
 * @param peers          median of the teams of the same department (per-person values)
 */
public record TeamPage(
    Period period,
    String id,
    String name,
    String department,
    int headcount,
    boolean suppressed,
    UsageSummary totals,
    MoneyTrend spend,
    List<DailyUsage> daily,
    List<MixRow> tools,
    List<MixRow> models,
    List<SessionSummary> recentSessions,
    Outcomes outcomes,
    SpendShare spendShare,
    List<Member> members,
    PeerComparison peers) {

  /** A visible member's totals in the period. */
  public record Member(PersonRef person, long tokens, BigDecimal cost, int activeDays, List<String> tools,
      double outcomeUnits) {}
}
