/**
 * Prices: a bundled catalog derived from a dated LiteLLM snapshot, user override files with dated
 * price changes, model-name matching (provider-qualified, dated, separator variants) and the cost
 * of a request's tokens with long-context tiers, cache reads, 5-minute and 1-hour cache writes and
 * the fast-mode multiplier. Start at {@link io.tokenmaxx.pricing.PriceCatalog}.
 */
package io.tokenmaxx.pricing;
