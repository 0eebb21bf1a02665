package io.tokenmaxx.analyze;

import java.util.Arrays;
import java.util.Locale;

/** What a leaderboard ranks by (highest first). */
public enum LeaderboardMeasure {
  /** Total tokens of every kind. */
  TOKENS,
  /** Effective cost (computed, else reported). */
  SPEND,
  /** Days with at least one usage record. */
  ACTIVE_DAYS,
  /** Number of distinct tools used: breadth of exploration. */
  TOOLS,
  /** Outcome units (commits + pull requests) per million tokens (0 for people with no tokens). */
  OUTCOMES_PER_TOKEN;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static LeaderboardMeasure parse(String label) {
    try {
      return valueOf(label.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown measure '" + label + "', expected one of "
          + Arrays.stream(values()).map(LeaderboardMeasure::label).toList());
    }
  }
}
