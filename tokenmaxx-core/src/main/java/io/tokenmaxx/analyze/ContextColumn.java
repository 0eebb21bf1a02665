package io.tokenmaxx.analyze;

import java.util.Objects;

/**
 * A column a {@link LeaderboardContextProvider} adds to leaderboard rows.
 *
 * @param key         the key in {@code LeaderboardRow.context()} (and the CSV column), e.g. {@code checkin_streak}
 * @param label       column heading, e.g. "Check-in streak"
 * @param description what it means, for a tooltip and the API documentation
 */
public record ContextColumn(String key, String label, String description) {
  public ContextColumn {
    Objects.requireNonNull(key, "key");
    if (!key.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("context column key '" + key + "' must be lower-case letters, digits and '_'");
    }
    Objects.requireNonNull(label, "label");
  }
}
