package io.tokenmaxx.analyze.page;

import java.math.BigDecimal;

/**
 * AI spend against the annual loaded cost of the people behind it: spend in the period, scaled to
 * a year ({@code x 365 / days}), divided by the annual loaded cost (salary, benefits, overhead).
 *
 * @param spend           effective cost in the period
 * @param annualizedSpend spend x 365 / days in the period
 * @param loadedCost      annual loaded cost (null when the directory has none)
 * @param share           annualizedSpend / loadedCost (null without a loaded cost)
 * @param benchmark       the configured expected share (e.g. 0.5)
 * @param suppressed      fewer than k people (non-admins)
 */
public record SpendShare(BigDecimal spend, BigDecimal annualizedSpend, BigDecimal loadedCost, Double share,
    double benchmark, boolean suppressed) {}
