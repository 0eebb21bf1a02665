package io.tokenmaxx.analyze.store;

import java.util.Locale;

/**
 * What {@link AnalyticsStore#usage} groups by. Time keys are local to the scope's zone: DAY and
 * WEEK as {@code yyyy-MM-dd} (a week named by its first day, {@link Scope#weekStart()}), MONTH as
 * {@code yyyy-MM}, DAY_OF_WEEK as ISO 1 (Monday) .. 7, HOUR_OF_DAY as 0 .. 23. TEAM and DEPARTMENT
 * come from the person's current directory entry (null when the person is unknown or has none).
 */
public enum GroupKey {
  DAY, WEEK, MONTH, DAY_OF_WEEK, HOUR_OF_DAY, TOOL, MODEL, PROVIDER, PERSON, TEAM, DEPARTMENT;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
