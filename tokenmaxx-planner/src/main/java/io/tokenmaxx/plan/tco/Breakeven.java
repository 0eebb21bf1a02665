package io.tokenmaxx.plan.tco;

/**
 * Where owning or renting starts to beat the API. A null field means "not within reach".
 *
 * @param buyFirstTokensPerMonth      lowest monthly volume at which owning costs no more than the API
 * @param buySustainedTokensPerMonth  volume above which owning never costs more than the API
 * @param rentFirstTokensPerMonth     lowest monthly volume at which renting costs no more than the API
 * @param rentSustainedTokensPerMonth volume above which renting never costs more than the API
 * @param buyVsApiMonth               first month in which cumulative owning cash is at most the cumulative API bill
 * @param rentVsApiMonth              first month in which cumulative rent is at most the cumulative API bill
 * @param buyVsRentMonths             months after which a bought GPU has cost less than renting it
 */
public record Breakeven(
    Double buyFirstTokensPerMonth,
    Double buySustainedTokensPerMonth,
    Double rentFirstTokensPerMonth,
    Double rentSustainedTokensPerMonth,
    Integer buyVsApiMonth,
    Integer rentVsApiMonth,
    Double buyVsRentMonths) {}
