package io.tokenmaxx.plan.catalog;

import java.math.BigDecimal;

/**
 * What an API charges, USD per million tokens.
 *
 * @param name                    model name as the API calls it
 * @param provider                who sells it
 * @param inputPerMillion         uncached prompt tokens
 * @param outputPerMillion        generated tokens
 * @param cachedInputPerMillion   prompt tokens read from the provider's prompt cache
 * @param source                  where the price comes from
 * @param asOf                    when it was taken
 */
public record ApiPrice(
    String name,
    String provider,
    BigDecimal inputPerMillion,
    BigDecimal outputPerMillion,
    BigDecimal cachedInputPerMillion,
    String source,
    String asOf) {

  public ApiPrice {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("api price name is missing");
    nonNegative(inputPerMillion, name, "input_per_million");
    nonNegative(outputPerMillion, name, "output_per_million");
    if (cachedInputPerMillion == null) cachedInputPerMillion = inputPerMillion;
    nonNegative(cachedInputPerMillion, name, "cached_input_per_million");
    provider = provider == null ? "" : provider;
    source = source == null ? "" : source;
    asOf = asOf == null ? "" : asOf;
  }

  /** A price given by hand (flags), with no cache discount. */
  public static ApiPrice of(String name, BigDecimal input, BigDecimal output) {
    return new ApiPrice(name, "", input, output, null, "given", "");
  }

  private static void nonNegative(BigDecimal v, String name, String field) {
    if (v == null || v.signum() < 0) {
      throw new IllegalArgumentException("api price " + name + ": " + field + " must be a number >= 0");
    }
  }
}
