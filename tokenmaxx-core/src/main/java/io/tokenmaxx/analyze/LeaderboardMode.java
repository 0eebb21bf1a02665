package io.tokenmaxx.analyze;

import java.util.Arrays;
import java.util.Locale;

/**
 * How people appear on a leaderboard. Whatever the mode, the viewer's own row is flagged
 * ({@code self}) and shown with their name, so everyone can find themselves.
 */
public enum LeaderboardMode {
  /**
   * Names for the people the viewer may see individually (admins: everyone; managers: their
   * subtree); everyone else appears under their pseudonym.
   */
  NAMED,
  /** Stable pseudonyms (HMAC of the person id with a server secret), the same for every viewer. */
  PSEUDONYMOUS,
  /** No individual rows but the viewer's own: percentile bands with counts and value ranges. */
  BANDS;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static LeaderboardMode parse(String label) {
    try {
      return valueOf(label.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown mode '" + label + "', expected one of "
          + Arrays.stream(values()).map(LeaderboardMode::label).toList());
    }
  }
}
