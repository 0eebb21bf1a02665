package io.tokenmaxx.guard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.List;

/**
 * Which weeks a detection run must score: the recent weeks, and every week whose stored data
 * changed since the last run (a backfill, a {@code push} of old logs, a vendor import) together
 * with the {@link GuardConfig#baselineWeeks()} after it, whose baselines it is part of. Weeks are
 * compared by a fingerprint the store computes per week ({@link FeatureSource#weekFingerprints}).
 */
public final class ChangedWeeks {
  private ChangedWeeks() {}

  /** A range of weeks {@code [from, to)}. */
  public record Range(LocalDate from, LocalDate to) {}

  /**
   * @param before      fingerprints stored after the last run (empty before the first)
   * @param now         fingerprints of the store now
   * @param recentFrom  first of the recent weeks that are always scored
   * @param end         the week after the current one (nothing at or after it is scored)
   * @param baselineWeeks weeks after a changed week whose scoring reads it
   * @return the weeks to score as contiguous ranges, oldest first
   */
  public static List<Range> toScore(Map<LocalDate, String> before, Map<LocalDate, String> now, LocalDate recentFrom,
      LocalDate end, int baselineWeeks) {
    TreeSet<LocalDate> weeks = new TreeSet<>();
    for (LocalDate w = recentFrom; w.isBefore(end); w = w.plusWeeks(1)) weeks.add(w);
    TreeSet<LocalDate> changed = new TreeSet<>();
    now.forEach((w, fp) -> { if (!Objects.equals(before.get(w), fp)) changed.add(w); });
    before.keySet().forEach(w -> { if (!now.containsKey(w)) changed.add(w); });
    for (LocalDate c : changed) {
      for (int k = 0; k <= baselineWeeks; k++) {
        LocalDate w = c.plusWeeks(k);
        if (w.isBefore(end)) weeks.add(w);
      }
    }
    List<Range> out = new ArrayList<>();
    LocalDate from = null, prev = null;
    for (LocalDate w : weeks) {
      if (from == null) {
        from = w;
      } else if (!w.equals(prev.plusWeeks(1))) {
        out.add(new Range(from, prev.plusWeeks(1)));
        from = w;
      }
      prev = w;
    }
    if (from != null) out.add(new Range(from, prev.plusWeeks(1)));
    return out;
  }

  /** The weeks that changed (for reporting). */
  public static List<LocalDate> changed(Map<LocalDate, String> before, Map<LocalDate, String> now) {
    TreeSet<LocalDate> changed = new TreeSet<>();
    now.forEach((w, fp) -> { if (!Objects.equals(before.get(w), fp)) changed.add(w); });
    before.keySet().forEach(w -> { if (!now.containsKey(w)) changed.add(w); });
    return List.copyOf(changed);
  }
}
