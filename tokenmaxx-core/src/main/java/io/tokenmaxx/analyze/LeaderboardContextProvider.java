package io.tokenmaxx.analyze;

import io.tokenmaxx.analyze.page.Period;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Adds context columns to leaderboard rows (check-in streaks, gaming flags, ...): the extension
 * point other features plug into without changing the leaderboard. Providers are asked only about
 * the people whose rows are shown, after privacy rules have been applied; their values go to
 * {@code LeaderboardRow.context()} under the column keys, and into CSV exports as extra columns.
 */
public interface LeaderboardContextProvider {

  /** The columns this provider fills, in display order. */
  List<ContextColumn> columns();

  /**
   * Values per person id, then per column key. Values are JSON-friendly: strings, numbers,
   * booleans, or lists of strings. People or columns without a value may be absent.
   */
  Map<String, Map<String, Object>> values(Collection<String> personIds, Period period);
}
