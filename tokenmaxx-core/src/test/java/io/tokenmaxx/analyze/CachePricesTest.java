package io.tokenmaxx.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.pricing.PriceCatalog;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CachePricesTest {
  @Test
  void catalogPricesGiveCacheReadsCheaperThanInputAndUnknownModelsNothing() {
    CachePrices prices = CachePrices.of(PriceCatalog.bundled());
    CachePrices.Rates r = prices.rates("claude-sonnet-4-5", LocalDate.of(2026, 11, 20));
    assertThat(r).isNotNull();
    assertThat(r.cacheRead()).isPositive().isLessThan(r.input());
    assertThat(r.source()).contains("claude-sonnet-4-5");
    assertThat(prices.rates("no-such-model-xyz", LocalDate.of(2026, 11, 20))).isNull();
    assertThat(CachePrices.NONE.rates("claude-sonnet-4-5", LocalDate.of(2026, 11, 20))).isNull();
  }
}
