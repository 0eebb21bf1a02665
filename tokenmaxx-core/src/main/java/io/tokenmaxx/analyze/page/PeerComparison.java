package io.tokenmaxx.analyze.page;

import java.math.BigDecimal;

/**
 * Medians of a peer group, to compare a person (or team) with.
 *
 * @param basis            {@code team} or {@code role} (for teams: {@code department})
 * @param group            the team id, role or department the peers share
 * @param peers            people (or teams) in the group, including the compared one
 * @param medianTokens     median total tokens
 * @param medianCost       median effective cost
 * @param medianActiveDays median active days
 * @param medianOutcomes   median outcome units (commits + pull requests)
 * @param suppressed       fewer than k peers: medians withheld
 */
public record PeerComparison(String basis, String group, Integer peers, Double medianTokens,
    BigDecimal medianCost, Double medianActiveDays, Double medianOutcomes, boolean suppressed) {}
