package io.tokenmaxx.checkin;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * Check-in participation of one person: how many weeks, the current streak of consecutive weeks
 * and the longest. The week in progress does not break a streak until it closes.
 *
 * @param weeks         weeks with a check-in
 * @param currentStreak consecutive weeks up to this week (or last week, while this one is open)
 * @param longestStreak the longest run ever
 * @param lastWeek      the latest week with a check-in, null when none
 */
public record Streaks(int weeks, int currentStreak, int longestStreak, LocalDate lastWeek) {

  public static final Streaks NONE = new Streaks(0, 0, 0, null);

  public static Streaks of(Set<LocalDate> checkedIn, LocalDate currentWeek) {
    if (checkedIn == null || checkedIn.isEmpty()) return NONE;
    TreeSet<LocalDate> weeks = new TreeSet<>(checkedIn);
    weeks.removeIf(w -> w.isAfter(currentWeek));
    if (weeks.isEmpty()) return NONE;
    int longest = 0;
    int run = 0;
    LocalDate prev = null;
    for (LocalDate w : weeks) {
      run = prev != null && prev.plusWeeks(1).equals(w) ? run + 1 : 1;
      longest = Math.max(longest, run);
      prev = w;
    }
    LocalDate cursor = weeks.contains(currentWeek) ? currentWeek : currentWeek.minusWeeks(1);
    int current = 0;
    while (weeks.contains(cursor)) {
      current++;
      cursor = cursor.minusWeeks(1);
    }
    return new Streaks(weeks.size(), current, longest, weeks.last());
  }
}
