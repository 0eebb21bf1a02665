package io.tokenmaxx.analyze.page;

import java.time.LocalDate;
import java.util.List;

/**
 * How broadly and how deeply AI is adopted, and whether it sticks.
 *
 * @param period          the range
 * @param settings        the thresholds every number on this page uses (shown, not hidden)
 * @param breadth         groups at or above the breadth threshold
 * @param depth           per week: people by depth cohort (active days that week)
 * @param dailyActive     distinct active people per day
 * @param weeklyActive    distinct active people per week
 * @param retention       cohorts of adopters by week of first use: share active in later weeks
 * @param timeToFirstUse  for people who joined in the period: days from start date to first use
 * @param diversity       how many tools and models people use
 */
public record AdoptionPage(
    Period period,
    Settings settings,
    Breadth breadth,
    List<WeekDepth> depth,
    List<ActiveCount> dailyActive,
    List<ActiveCount> weeklyActive,
    List<RetentionCohort> retention,
    TimeToFirstUse timeToFirstUse,
    Diversity diversity) {

  /**
   * @param breadthThreshold share of headcount active in 28 days for a group to count as adopting
   * @param depthMeasure     what depth counts: "active days per week"
   * @param lightDays        active days per week counted as light, e.g. "1"
   * @param moderateDays     e.g. "2-3"
   * @param heavyDays        e.g. "4+"
   * @param minGroupSize     k applied to this viewer (1 for admins)
   * @param weekStart        first day of a week
   */
  public record Settings(double breadthThreshold, String depthMeasure, String lightDays,
      String moderateDays, String heavyDays, int minGroupSize, String weekStart) {}

  /**
   * @param window          the 28 days breadth is measured over (ending on period.to)
   * @param departmentsOver departments at or above the threshold, among those shown (not suppressed)
   * @param departments     departments shown (not suppressed)
   * @param teamsOver       teams at or above the threshold, among those shown
   * @param teams           teams shown
   * @param departmentRows  adoption per department
   * @param teamRows        adoption per team
   */
  public record Breadth(String window, Integer departmentsOver, int departments, Integer teamsOver,
      int teams, List<GroupAdoption> departmentRows, List<GroupAdoption> teamRows) {}

  /**
   * People by depth in one week. {@code population} is the filtered headcount that had started by
   * the week's last day; {@code none} are those of them without usage.
   */
  public record WeekDepth(LocalDate week, Integer population, Long none, Long light, Long moderate,
      Long heavy, boolean suppressed) {}

  /** Distinct active people on a day or in a week (named by its first day). */
  public record ActiveCount(LocalDate start, Long people, boolean suppressed) {}

  /**
   * Adopters whose first use ever (under the tool/model filter) fell in {@code week}.
   *
   * @param size   people in the cohort
   * @param active share of the cohort active in week 0, 1, 2, ... after (up to period.to)
   */
  public record RetentionCohort(LocalDate week, Long size, List<Double> active, boolean suppressed) {}

  /**
   * @param joiners    people whose start date is in the period
   * @param adopted    of them, those with a first use
   * @param medianDays median days from start date to first use (first use before the start date counts as 0)
   * @param p75Days    75th percentile of the same
   * @param histogram  counts of days-to-first-use in buckets (0-6, 7-13, 14-29, 30-59, 60+)
   * @param people     the joiners the viewer may see individually
   * @param suppressed fewer than k joiners (non-admins)
   */
  public record TimeToFirstUse(int joiners, Long adopted, Double medianDays, Double p75Days,
      List<Bucket> histogram, List<Joiner> people, boolean suppressed) {}

  /** One joiner: start date, first use (null: not yet), days between. */
  public record Joiner(PersonRef person, LocalDate startDate, LocalDate firstUse, Integer days) {}

  /**
   * @param toolsPerPerson  active people by number of distinct tools used (1, 2, 3, 4+)
   * @param modelsPerPerson active people by number of distinct models used (1, 2, 3-4, 5+)
   * @param tools           people using each tool
   * @param models          people using each model
   */
  public record Diversity(List<Bucket> toolsPerPerson, List<Bucket> modelsPerPerson,
      List<MixRow> tools, List<MixRow> models) {}
}
