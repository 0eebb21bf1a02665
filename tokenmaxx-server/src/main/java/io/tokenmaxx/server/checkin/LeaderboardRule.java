package io.tokenmaxx.server.checkin;

import io.tokenmaxx.analyze.AnalyticsService;
import io.tokenmaxx.storage.StateStore;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The organization's default leaderboard rule: which ranking adjustment every leaderboard gets when
 * the viewer picks none (the page, the API, the weekly snapshot in the digest). Out of the box
 * people with an open Goodhart-guard flag are ranked last; an admin may choose to leave them out,
 * to rank by quality points, or the plain ranking. Kept in the store's state, so it survives
 * restarts and every server of the organization reads the same.
 */
public final class LeaderboardRule {
  static final String NAMESPACE = "leaderboard";
  static final String KEY = "default-adjust";
  public static final String DEFAULT = CheckinRanking.DEMOTE_FLAGGED;

  /** The rules an admin may choose among, with what each does. */
  public static final Map<String, String> CHOICES = new java.util.LinkedHashMap<>();

  static {
    CHOICES.put(CheckinRanking.DEMOTE_FLAGGED, "Flagged people ranked last, marked with the flag (recommended)");
    CHOICES.put(CheckinRanking.EXCLUDE_FLAGGED, "Flagged people left out of the ranking");
    CHOICES.put(CheckinRanking.QUALITY_ADJUSTED, "Ranked by quality points (outcomes and check-ins, less flagged weeks)");
    CHOICES.put(AnalyticsService.NO_ADJUSTMENT, "Plain ranking: flags shown beside names only");
  }

  private final StateStore state;

  public LeaderboardRule(StateStore state) {
    this.state = state;
  }

  /** The rule's key ({@link #CHOICES}). */
  public String current() {
    String v = state.load(NAMESPACE).get(KEY);
    return v == null || !CHOICES.containsKey(v) ? DEFAULT : v;
  }

  /** The adjustment keys leaderboards get by default. */
  public List<String> adjustments() {
    return List.of(current());
  }

  /** Sets the rule; an unknown key names the known ones. */
  public void set(String key) {
    String k = key == null ? "" : key.strip();
    if (!CHOICES.containsKey(k)) {
      throw new IllegalArgumentException("unknown leaderboard rule '" + k + "', expected one of " + CHOICES.keySet());
    }
    state.put(NAMESPACE, Map.of(KEY, k));
  }

  static String describe(String key) {
    return CHOICES.getOrDefault(key, key);
  }

  static List<String> keys() {
    return Arrays.asList(CHOICES.keySet().toArray(String[]::new));
  }
}
