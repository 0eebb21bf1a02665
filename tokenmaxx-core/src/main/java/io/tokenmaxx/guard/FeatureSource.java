package io.tokenmaxx.guard;

import java.time.LocalDate;
import java.util.List;

/**
 * Computes {@link WeekFeatures} over stored records, where the records are (SQL in the store).
 * {@link FeatureExtractor} is the reference it must agree with.
 */
public interface FeatureSource {

  /** Features of every person-week with usage in {@code [fromWeek, toWeek)} (weeks in the config's zone). */
  List<WeekFeatures> weekFeatures(LocalDate fromWeek, LocalDate toWeek, GuardConfig config);

  /**
   * A fingerprint per week (Monday in {@code zone}) of all stored usage and outcomes: it changes
   * when records of the week are added, removed or attributed to someone. Detection compares them
   * between runs to re-score the weeks that received data ({@link ChangedWeeks}).
   */
  java.util.Map<LocalDate, String> weekFingerprints(java.time.ZoneId zone);
}
