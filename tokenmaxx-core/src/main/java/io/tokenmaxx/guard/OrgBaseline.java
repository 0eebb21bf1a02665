package io.tokenmaxx.guard;

import java.util.List;

/**
 * The organization's usual substantial week, from the person-weeks of a window with at least
 * {@code minRecords} records (light occasional use would otherwise dominate the spread): median and
 * spread of log tokens, and the median yield (outcome units per 10M tokens) of weeks with outcomes.
 */
record OrgBaseline(double medianLogTokens, double madLogTokens, double medianTokens,
    double medianYield, int personWeeks) {

  static final double YIELD_TOKENS = 1e7;

  static OrgBaseline of(List<WeekFeatures> all, int minRecords) {
    List<WeekFeatures> weeks = all.stream().filter(w -> w.records() >= minRecords).toList();
    double[] logs = weeks.stream().filter(w -> w.totalTokens() > 0)
        .mapToDouble(w -> Math.log(w.totalTokens())).toArray();
    double[] yields = weeks.stream().filter(w -> w.outcomeUnits() > 0 && w.totalTokens() > 0)
        .mapToDouble(OrgBaseline::yield).toArray();
    double med = Stats.median(logs);
    double mad = Stats.mad(logs);
    return new OrgBaseline(med, mad, Math.exp(med), Stats.median(yields), logs.length);
  }

  static double yield(WeekFeatures w) {
    return w.totalTokens() == 0 ? 0 : w.outcomeUnits() / (w.totalTokens() / YIELD_TOKENS);
  }

  /** Robust z-score of the week's log tokens; 0 when the spread is unknown. */
  double volumeZ(WeekFeatures w) {
    if (w.totalTokens() <= 0 || !(madLogTokens > 0)) return 0;
    return (Math.log(w.totalTokens()) - medianLogTokens) / madLogTokens;
  }
}
