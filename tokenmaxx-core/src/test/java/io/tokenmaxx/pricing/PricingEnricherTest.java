package io.tokenmaxx.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PricingEnricherTest {
  static final PriceCatalog CATALOG = PriceCatalog.bundled();
  static final Instant AT = Instant.parse("2026-03-13T15:00:00Z");

  static UsageRecord record(String model) {
    return UsageRecord.builder().id("r1").timestamp(AT).source("test").tool("claude-code").provider("anthropic")
        .model(model).inputTokens(1_000).outputTokens(400).reasoningTokens(100).cacheReadTokens(50_000)
        .cacheWrite5mTokens(2_000).requests(1).build();
  }

  @Test
  void aKnownModelIsPricedAtTheCatalogPriceWithItsProvenance() {
    UsageRecord r = new PricingEnricher(CATALOG).enrich(record("claude-sonnet-4-6"));
    PriceMatch p = CATALOG.find("claude-sonnet-4-6", AT);
    assertThat(r.computedCost()).isPositive().isEqualByComparingTo(p.cost(1_000, 500, 50_000, 2_000, 0));
    assertThat(r.priceRef()).isEqualTo(p.ref()).isNotBlank();
  }

  @Test
  void anUnknownModelStaysUnpricedNotZero() {
    UsageRecord r = new PricingEnricher(CATALOG).enrich(record("llama-3.3-70b-internal"));
    assertThat(r.computedCost()).isNull();
    assertThat(r.priceRef()).isNull();
  }

  @Test
  void aRecordThatIsAlreadyPricedKeepsItsCost() {
    UsageRecord priced = record("claude-sonnet-4-6").toBuilder().computedCost(new BigDecimal("1.25")).priceRef("mine").build();
    assertThat(new PricingEnricher(CATALOG).enrich(priced)).isSameAs(priced);
  }

  @Test
  void cachePricesComeFromTheSameCatalog() {
    var rates = new CatalogCachePrices(CATALOG).rates("claude-sonnet-4-6", LocalDate.of(2026, 3, 13));
    var price = CATALOG.find("claude-sonnet-4-6", AT).price();
    assertThat(rates.input()).isEqualByComparingTo(price.input());
    assertThat(rates.cacheRead()).isEqualByComparingTo(price.cacheRead());
    assertThat(new CatalogCachePrices(CATALOG).rates("llama-3.3-70b-internal", LocalDate.of(2026, 3, 13))).isNull();
  }
}
