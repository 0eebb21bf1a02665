package io.tokenmaxx.pricing;

import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.pipeline.Enricher;

/**
 * Prices every usage record with the price in force at its time: {@code computedCost} and its
 * provenance ({@code priceRef}). A model without a price stays unpriced (cost null, never $0);
 * a cost the source reported is kept beside the computed one. A record without tokens costs
 * nothing and is never unpriced.
 */
public final class PricingEnricher implements Enricher {
  private final PriceCatalog catalog;

  public PricingEnricher(PriceCatalog catalog) {
    this.catalog = catalog;
  }

  /** The provenance of the zero cost of a record that carries no tokens (a prompt, a failed request). */
  public static final String NO_TOKENS = "no tokens";

  @Override
  public UsageRecord enrich(UsageRecord r) {
    if (r.totalTokens() == 0) {
      // Nothing to price, whatever the model (often none: a prompt is not sent to one yet): such a
      // record costs nothing and is never counted among the unpriced.
      return java.math.BigDecimal.ZERO.equals(r.computedCost()) && NO_TOKENS.equals(r.priceRef()) ? r
          : r.toBuilder().computedCost(java.math.BigDecimal.ZERO).priceRef(NO_TOKENS).build();
    }
    PriceMatch p = catalog.find(r.model(), r.timestamp());
    if (p == null) {
      return r.computedCost() == null && r.priceRef() == null ? r
          : r.toBuilder().computedCost(null).priceRef(null).build();
    }
    return r.toBuilder()
        .computedCost(p.cost(r.inputTokens(), r.outputTokens() + r.reasoningTokens(),
            r.cacheReadTokens(), r.cacheWrite5mTokens(), r.cacheWrite1hTokens()))
        .priceRef(p.ref())
        .build();
  }
}
