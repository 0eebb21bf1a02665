package io.tokenmaxx.plan.tco;

import java.math.BigDecimal;

/**
 * One month of the cumulative comparison, cash view: purchases are paid when the GPUs are bought
 * (owned GPUs are kept when demand falls; rented ones are returned).
 *
 * @param month          1 = the first month
 * @param tokensPerMonth volume this month (grown)
 * @param gpusOwned      GPUs owned this month
 * @param gpusRented     GPUs rented this month
 * @param buy            cash spent on owning this month (purchases + hosting + power)
 * @param rent           rent this month
 * @param api            API bill this month
 * @param buyCumulative  owning, months 1..month
 * @param rentCumulative renting, months 1..month
 * @param apiCumulative  API, months 1..month
 */
public record MonthPoint(
    int month,
    double tokensPerMonth,
    int gpusOwned,
    int gpusRented,
    BigDecimal buy,
    BigDecimal rent,
    BigDecimal api,
    BigDecimal buyCumulative,
    BigDecimal rentCumulative,
    BigDecimal apiCumulative) {}
