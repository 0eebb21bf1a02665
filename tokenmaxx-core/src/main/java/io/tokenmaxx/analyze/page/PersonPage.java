package io.tokenmaxx.analyze.page;

import java.time.LocalDate;
import java.util.List;

/**
 * One person's usage: only for people the viewer may see individually.
 *
 * @param period         the range
 * @param person         who
 * @param role           job role from the directory
 * @param startDate      first day in the organization
 * @param firstUse       first day with usage ever (null: never)
 * @param totals         usage totals in the period
 * @param spend          spend in the period vs the previous period
 * @param daily          tokens and cost per day and tool
 * @param tools          tool mix
 * @param models         model mix
 * @param recentSessions the latest sessions in the period (newest first)
 * @param outcomes       outcome sums in the period
 * @param spendShare     spend against the person's annual loaded cost
 * @param peers          medians of the same team and of the same role
 */
public record PersonPage(
    Period period,
    PersonRef person,
    String role,
    LocalDate startDate,
    LocalDate firstUse,
    UsageSummary totals,
    MoneyTrend spend,
    List<DailyUsage> daily,
    List<MixRow> tools,
    List<MixRow> models,
    List<SessionSummary> recentSessions,
    Outcomes outcomes,
    SpendShare spendShare,
    List<PeerComparison> peers) {}
