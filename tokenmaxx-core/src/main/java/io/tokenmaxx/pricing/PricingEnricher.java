package io.tokenmaxx.pricing;

import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.pipeline.Enricher;

/**
 * Prices every usage record with the price in force at its time: {@code computedCost} and its
 * provenance ({@code priceRef}). A model without a price stays unpriced (cost null, never $0);
 * a cost the source reported is kept beside the computed one.
 */
public final class PricingEnricher implements Enricher {
  private final PriceCatalog catalog;

  public PricingEnricher(PriceCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public UsageRecord enrich(UsageRecord r) {
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
