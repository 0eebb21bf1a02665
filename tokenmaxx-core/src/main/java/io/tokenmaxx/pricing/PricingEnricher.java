package io.tokenmaxx.pricing;

import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.pipeline.Enricher;
import java.util.Objects;

/**
 * The pricing step of the ingest pipeline: a usage record gets the cost of its tokens at the
 * catalog price in force at its timestamp, with the price's provenance ({@code priceRef}). A model
 * the catalog does not know stays unpriced (no {@code computedCost}), never $0. Records that
 * already carry a computed cost keep it.
 */
public final class PricingEnricher implements Enricher {
  private final PriceCatalog catalog;

  public PricingEnricher(PriceCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  @Override
  public UsageRecord enrich(UsageRecord r) {
    if (r.computedCost() != null || r.model() == null) return r;
    PriceMatch p = catalog.find(r.model(), r.timestamp());
    if (p == null) return r;
    return r.toBuilder()
        .computedCost(p.cost(r.inputTokens(), r.outputTokens() + r.reasoningTokens(), r.cacheReadTokens(),
            r.cacheWrite5mTokens(), r.cacheWrite1hTokens()))
        .priceRef(p.ref())
        .build();
  }
}
