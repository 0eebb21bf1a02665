package io.tokenmaxx.analyze.page;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One person on a leaderboard, with the context that keeps ranks honest.
 *
 * @param rank             1 = highest (ties share a rank)
 * @param personId         only for people the viewer may see individually (and themselves)
 * @param name             likewise
 * @param pseudonym        the stable pseudonym (always present)
 * @param self             this is the viewer's own row
 * @param team             team id (only when the person is visible)
 * @param department       department id (only when the person is visible)
 * @param value            the ranked measure's value
 * @param tokens           total tokens
 * @param cost             effective cost
 * @param activeDays       days with usage
 * @param tools            distinct tools used
 * @param models           number of distinct models used
 * @param outcomes         commits, pull requests, lines, ... and tokens per outcome unit
 * @param percentile       share of ranked people at or below this value (0..1)
 * @param context          extra columns from {@code LeaderboardContextProvider}s (check-in streak, flags, ...)
 */
public record LeaderboardRow(int rank, String personId, String name, String pseudonym, boolean self,
    String team, String department, BigDecimal value, long tokens, BigDecimal cost, int activeDays,
    List<String> tools, int models, Outcomes outcomes, double percentile, Map<String, Object> context) {}
