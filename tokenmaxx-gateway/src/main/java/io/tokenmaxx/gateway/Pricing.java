package io.tokenmaxx.gateway;

import io.tokenmaxx.gateway.internal.usage.TokenUsage;
import io.tokenmaxx.gateway.route.Target;
import io.tokenmaxx.pricing.PriceCatalog;
import io.tokenmaxx.pricing.PriceMatch;
import java.math.BigDecimal;
import java.time.Instant;

/** Costs a request at a target: its configured price, else the catalog's price in force then. */
final class Pricing {
  private final PriceCatalog catalog;

  Pricing(PriceCatalog catalog) {
    this.catalog = catalog;
  }

  record Cost(BigDecimal usd, String ref) {}

  /** The cost of {@code u} at {@code target} answering as {@code servedModel}; usd null when unpriced. */
  Cost cost(Target target, String servedModel, TokenUsage u, Instant at) {
    if (target != null && target.price() != null) {
      return new Cost(target.price().cost(u.input(), u.generated(), u.cacheRead(), u.cacheWrite5m() + u.cacheWrite1h()),
          "gateway:" + target.key());
    }
    PriceMatch m = catalog.find(servedModel, at);
    if (m == null && target != null && !target.model().equals(servedModel)) m = catalog.find(target.model(), at);
    if (m == null) return new Cost(null, null);
    return new Cost(m.cost(u.input(), u.generated(), u.cacheRead(), u.cacheWrite5m(), u.cacheWrite1h()), m.ref());
  }

  /** A guess of a request's cost before it is sent, for reservations and the cheapest strategy. */
  BigDecimal estimate(Target target, long promptTokens, long outputTokens, Instant at) {
    return cost(target, target.model(), new TokenUsage(promptTokens, outputTokens, 0, 0, 0, 0, true), at).usd();
  }
}
