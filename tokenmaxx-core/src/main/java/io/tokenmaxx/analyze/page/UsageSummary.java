package io.tokenmaxx.analyze.page;

import java.math.BigDecimal;

/**
 * Usage totals of a person, team or filter over the period.
 *
 * @param tokens          tokens by kind
 * @param cost            effective cost, USD
 * @param records         usage records
 * @param requests        model requests
 * @param unpricedRecords records with no cost at all (model without a price and no reported cost)
 * @param activeDays      person-days with usage (for one person: days with usage)
 * @param activePeople    distinct people with usage
 * @param sessions        distinct sessions
 */
public record UsageSummary(TokenCounts tokens, BigDecimal cost, long records, long requests,
    long unpricedRecords, long activeDays, long activePeople, long sessions) {

  public static final UsageSummary EMPTY = new UsageSummary(TokenCounts.ZERO, BigDecimal.ZERO, 0, 0, 0, 0, 0, 0);
}
