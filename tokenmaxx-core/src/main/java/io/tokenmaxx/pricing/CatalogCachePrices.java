package io.tokenmaxx.pricing;

import io.tokenmaxx.analyze.CachePrices;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/** Input and cache-read prices for the spend page's cache savings, from the price catalog. */
public final class CatalogCachePrices implements CachePrices {
  private final PriceCatalog catalog;

  public CatalogCachePrices(PriceCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  @Override
  public Rates rates(String model, LocalDate day) {
    PriceMatch p = catalog.find(model, day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1));
    if (p == null || p.price().input() == null || p.price().cacheRead() == null) return null;
    return new Rates(p.price().input(), p.price().cacheRead(), p.ref());
  }
}
