package io.tokenmaxx.plan.tco;

import java.math.BigDecimal;

/**
 * The answer when one input is changed by {@code factor}, all else equal.
 *
 * @param input                  which input
 * @param factor                 its multiplier (1 = as given)
 * @param buy                    owning per month at the current volume
 * @param rent                   renting per month
 * @param api                    API per month
 * @param cheapest               the cheapest option
 * @param buyFirstTokensPerMonth lowest monthly volume where owning beats the API, or null
 * @param buyVsApiMonth          first month where cumulative owning beats the API, or null
 */
public record SensitivityRow(
    String input,
    double factor,
    BigDecimal buy,
    BigDecimal rent,
    BigDecimal api,
    Option cheapest,
    Double buyFirstTokensPerMonth,
    Integer buyVsApiMonth) {}
