package io.tokenmaxx.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.model.UsageRecord;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PricingEnricherTest {
  static UsageRecord rec(String model, String at, long cacheRead) {
    return UsageRecord.builder().id("r").timestamp(Instant.parse(at)).source("ingest").tool("api")
        .model(model).inputTokens(100_000).outputTokens(50_000).reasoningTokens(50_000)
        .cacheReadTokens(cacheRead).reportedCost(new BigDecimal("9.99")).build();
  }

  @Test
  void pricesWithTheCatalogAndKeepsTheReportedCost() {
    UsageRecord r = new PricingEnricher(PriceCatalog.bundled()).enrich(rec("claude-sonnet-4-5", "2026-11-01T00:00:00Z", 150_000));
    // (below the 200k tier) 100k input x $3/M + 100k output incl. reasoning x $15/M
    // + 150k cache read x $0.30/M = 0.30 + 1.50 + 0.045
    assertThat(r.computedCost()).isEqualByComparingTo("1.845");
    assertThat(r.priceRef()).contains("claude-sonnet-4-5");
    assertThat(r.reportedCost()).isEqualByComparingTo("9.99");
  }

  @Test
  void anUnknownModelStaysUnpricedNeverZero() {
    UsageRecord r = new PricingEnricher(PriceCatalog.bundled()).enrich(rec("llama-3.3-70b-internal", "2026-11-01T00:00:00Z", 0));
    assertThat(r.computedCost()).isNull();
    assertThat(r.unpriced()).isTrue();
    assertThat(r.effectiveCost()).isEqualByComparingTo("9.99");
  }

  /** A prompt event (no model, no tokens) is not an unpriced model: it costs nothing. */
  @Test
  void aRecordWithoutTokensCostsNothingWhateverItsModel() {
    UsageRecord prompt = UsageRecord.builder().id("p").timestamp(Instant.parse("2026-11-01T00:00:00Z"))
        .source("otlp").tool("gemini-cli").requests(0).promptHash("ab").build();
    UsageRecord r = new PricingEnricher(PriceCatalog.bundled()).enrich(prompt);
    assertThat(r.model()).isEqualTo(UsageRecord.UNKNOWN_MODEL);
    assertThat(r.unpriced()).isFalse();
    assertThat(r.computedCost()).isEqualByComparingTo("0");
    assertThat(r.priceRef()).isEqualTo(PricingEnricher.NO_TOKENS);
  }

  @Test
  void thePriceInForceAtTheRecordsTimeApplies() throws Exception {
    String override = "{\"internal-model\": [{\"input_cost_per_token\": 1e-6, \"output_cost_per_token\": 2e-6},"
        + " {\"effective_from\": \"2026-06-01\", \"input_cost_per_token\": 2e-6}]}";
    PriceCatalog c = PriceCatalog.bundled().withOverrides(
        new ByteArrayInputStream(override.getBytes(StandardCharsets.UTF_8)), "prices-override.json");
    PricingEnricher e = new PricingEnricher(c);
    UsageRecord before = e.enrich(rec("internal-model", "2026-01-01T00:00:00Z", 0));
    UsageRecord after = e.enrich(rec("internal-model", "2026-07-01T00:00:00Z", 0));
    // 100k input x $1/M + 100k output x $2/M = 0.30 before June; input at $2/M from June = 0.40
    assertThat(before.computedCost()).isEqualByComparingTo("0.30");
    assertThat(after.computedCost()).isEqualByComparingTo("0.40");
    assertThat(after.priceRef()).contains("prices-override.json").contains("2026-06-01");
  }
}
