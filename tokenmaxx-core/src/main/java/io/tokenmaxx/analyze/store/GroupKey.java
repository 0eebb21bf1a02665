package io.tokenmaxx.analyze.store;

import java.util.Locale;

/**
 * What {@link AnalyticsStore#usage} groups by. Time keys are local to the scope's zone: DAY and
 * WEEK as {@code yyyy-MM-dd} (a week named by its first day, {@link Scope#weekStart()}), MONTH as
 * {@code yyyy-MM}, DAY_OF_WEEK as ISO 1 (Monday) .. 7. TEAM and DEPARTMENT
 * come from the person's current directory entry (null when the person is unknown or has none).
 * TOOL_CATEGORY is {@link io.tokenmaxx.analyze.ToolCategory#label()} of the tool. HOUR_OF_DAY is
 * two digits ({@code 00} .. {@code 23}).
 */
public enum GroupKey {
  DAY, WEEK, MONTH, DAY_OF_WEEK, HOUR_OF_DAY, TOOL, TOOL_CATEGORY, MODEL, PROVIDER, PERSON, TEAM, DEPARTMENT;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
