package io.tokenmaxx.analyze.page;

import java.time.LocalDate;
import java.util.List;

/**
 * The landing page: how many people there are, how many use AI, how much, at what cost, and who
 * started this week.
 *
 * @param period               the range and the range it is compared with
 * @param suppressed           the filtered population is below k (non-admins): headline numbers withheld
 * @param headcount            people in the directory matching the department/team filter
 * @param active7d             people with usage in the 7 days ending on {@code period.to}
 * @param active28d            people with usage in the 28 days ending on {@code period.to}
 * @param adoptionRate         active28d / headcount
 * @param activePeople         people with usage in the period vs the previous period
 * @param tokens               total tokens, period vs previous
 * @param spend                effective cost, period vs previous
 * @param unpricedRecords      records in the period with no cost at all
 * @param adoptionByDepartment 28-day adoption per department
 * @param newAdopters          people whose first use ever falls in the week of {@code period.to}
 * @param unattributed         usage in the period without a person
 */
public record OverviewPage(
    Period period,
    boolean suppressed,
    int headcount,
    Long active7d,
    Long active28d,
    Double adoptionRate,
    CountTrend activePeople,
    CountTrend tokens,
    MoneyTrend spend,
    Long unpricedRecords,
    List<GroupAdoption> adoptionByDepartment,
    NewAdopters newAdopters,
    UnattributedSummary unattributed) {

  /**
   * First-time users of the week.
   *
   * @param weekStart first day of the week
   * @param count     how many (null when suppressed)
   * @param people    those the viewer may see individually
   */
  public record NewAdopters(LocalDate weekStart, Long count, List<PersonRef> people, boolean suppressed) {}
}
