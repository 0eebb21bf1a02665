package io.tokenmaxx.analyze.store;

import java.math.BigDecimal;

/**
 * Spend of a person or team against annual loaded cost: {@code share = spend x 365 / days /
 * loadedCost} (null when there is no loaded cost).
 *
 * @param key        person id or team id
 * @param people     people behind it (1 for a person; a team's headcount)
 * @param spend      effective cost in the scope
 * @param loadedCost annual loaded cost (a team's: the sum over its members that have one)
 */
public record SpendShareRow(String key, int people, BigDecimal spend, BigDecimal loadedCost, Double share) {}
