package io.tokenmaxx.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceCatalogTest {
  static final Instant NOW = Instant.parse("2026-07-01T00:00:00Z");
  final PriceCatalog catalog = PriceCatalog.bundled();

  @Test
  void bundledCatalogRecordsWhenPricesWereTaken() {
    assertThat(catalog.takenOn()).isEqualTo("2026-07-24");
    assertThat(catalog.models()).contains("claude-sonnet-4-20250514", "gpt-5", "gpt-5.2-codex");
  }

  @ParameterizedTest
  @CsvSource({
      "claude-sonnet-4-20250514, claude-sonnet-4-20250514",
      "anthropic/claude-sonnet-4-20250514, claude-sonnet-4-20250514",
      "us.anthropic.claude-sonnet-4-20250514-v1:0, claude-sonnet-4-20250514",
      "bedrock/anthropic.claude-opus-4-1-20250805-v1:0, claude-opus-4-1-20250805",
      "vertex_ai/claude-sonnet-4@20250514, claude-sonnet-4-20250514",
      "claude-opus-4-6-20260205, claude-opus-4-6-20260205",
      "claude-sonnet-4-6-20260601, claude-sonnet-4-6",
      "claude-opus-4.6, claude-opus-4-6",
      "claude-haiku-4-5, claude-haiku-4-5",
      "openai/gpt-5, gpt-5",
      "gpt-5.2-codex, gpt-5.2-codex",
      "azure/gpt-5-codex, gpt-5-codex",
  })
  void matchesQualifiedAndDatedNames(String model, String key) {
    PriceMatch m = catalog.find(model, NOW);
    assertThat(m).as(model).isNotNull();
    assertThat(m.price().model()).isEqualTo(key);
  }

  @Test
  void unknownModelsAreUnpricedNotFree() {
    assertThat(catalog.find("claude-experimental-7-20260101", NOW)).isNull();
    assertThat(catalog.find("my-local-llama", NOW)).isNull();
    assertThat(catalog.find(null, NOW)).isNull();
  }

  @Test
  void neverMatchesAcrossVersionNumbers() {
    PriceMatch m = catalog.find("claude-opus-4-9", NOW);
    assertThat(m == null ? null : m.price().model()).isNotEqualTo("claude-opus-4");
  }

  @Test
  void pricesEachTokenCategoryWithItsOwnPrice() {
    PriceMatch m = catalog.find("claude-sonnet-4-5-20250929", NOW);
    // 1000 in @3e-6, 500 out @15e-6, 10_000 read @0.3e-6, 2000 5m-write @3.75e-6, 100 1h-write @6e-6
    assertThat(m.cost(1000, 500, 10_000, 2000, 100))
        .isEqualByComparingTo(new BigDecimal("0.003").add(new BigDecimal("0.0075"))
            .add(new BigDecimal("0.003")).add(new BigDecimal("0.0075")).add(new BigDecimal("0.0006")));
  }

  @Test
  void tokensAboveTheTierThresholdTakeTheTierPrice() {
    PriceMatch m = catalog.find("claude-sonnet-4-20250514", NOW);
    // cache read 300k: 200k @0.3e-6 + 100k @0.6e-6 = 0.06 + 0.06
    assertThat(m.cost(0, 0, 300_000, 0, 0)).isEqualByComparingTo("0.12");
    // input exactly at the threshold stays at the base price
    assertThat(m.cost(200_000, 0, 0, 0, 0)).isEqualByComparingTo("0.6");
    // 1h writes above the threshold: twice the tier input price
    assertThat(m.cost(0, 0, 0, 0, 200_001)).isEqualByComparingTo(new BigDecimal("1.2").add(new BigDecimal("0.000012")));
  }

  @Test
  void fastModeMultipliesTheWholeRequest() {
    PriceMatch normal = catalog.find("claude-opus-4-6", NOW);
    PriceMatch fast = catalog.find("claude-opus-4-6-fast", NOW);
    assertThat(fast.fast()).isTrue();
    assertThat(fast.cost(100, 100, 100, 100, 100))
        .isEqualByComparingTo(normal.cost(100, 100, 100, 100, 100).multiply(BigDecimal.valueOf(6)));
    assertThat(fast.ref()).contains("fast x6");
  }

  @Test
  void missingCachePricesDeriveFromInput() {
    PriceCatalog c = overrides("{\"my-claude-x\": {\"litellm_provider\": \"anthropic\", \"input_cost_per_token\": 1e-6, \"output_cost_per_token\": 2e-6},"
        + "\"my-gpt\": {\"litellm_provider\": \"openai\", \"input_cost_per_token\": 1e-6, \"output_cost_per_token\": 2e-6}}");
    ModelPrice claude = c.find("my-claude-x", NOW).price();
    assertThat(claude.cacheWrite5m()).isEqualByComparingTo("0.00000125");
    assertThat(claude.cacheWrite1h()).isEqualByComparingTo("0.000002");
    assertThat(claude.cacheRead()).isEqualByComparingTo("0.0000001");
    assertThat(c.find("my-gpt", NOW).price().cacheRead()).isEqualByComparingTo("0.000001");
  }

  @Test
  void overrideReplacesGivenFieldsAndKeepsTheRest() {
    PriceCatalog c = overrides("{\"gpt-5\": {\"output_cost_per_token\": 2e-5}}");
    ModelPrice p = c.find("gpt-5", NOW).price();
    assertThat(p.output()).isEqualByComparingTo("0.00002");
    assertThat(p.input()).isEqualByComparingTo("0.00000125");
    assertThat(c.find("gpt-5", NOW).ref()).startsWith("override:test.json:gpt-5");
    assertThat(catalog.find("gpt-5", NOW).price().output()).isEqualByComparingTo("0.00001");
  }

  @Test
  void datedPriceChangesApplyFromTheirDate() {
    PriceCatalog c = overrides("{\"gpt-5\": [{\"effective_from\": \"2026-03-01\", \"input_cost_per_token\": 1e-6},"
        + "{\"effective_from\": \"2026-05-01T12:00:00Z\", \"input_cost_per_token\": 5e-7}],"
        + "\"new-model\": [{\"effective_from\": \"2026-01-01\", \"input_cost_per_token\": 1e-6, \"output_cost_per_token\": 1e-6}]}");
    assertThat(c.find("gpt-5", Instant.parse("2026-02-28T23:59:59Z")).price().input()).isEqualByComparingTo("0.00000125");
    assertThat(c.find("gpt-5", Instant.parse("2026-03-01T00:00:00Z")).price().input()).isEqualByComparingTo("0.000001");
    assertThat(c.find("gpt-5", Instant.parse("2026-05-01T12:00:00Z")).price().input()).isEqualByComparingTo("0.0000005");
    assertThat(c.find("gpt-5", Instant.parse("2026-05-01T12:00:00Z")).price().output()).isEqualByComparingTo("0.00001");
    assertThat(c.find("gpt-5", Instant.parse("2026-05-01T12:00:00Z")).ref()).contains("from 2026-05-01T12:00:00Z");
    // before a new model's first dated price it has no price at all
    assertThat(c.find("new-model", Instant.parse("2025-12-31T00:00:00Z"))).isNull();
    assertThat(c.find("new-model", Instant.parse("2026-01-02T00:00:00Z"))).isNotNull();
  }

  @Test
  void badOverrideFilesNameTheProblem(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> overrides("{\"x\": {\"input_cost_per_token\": \"cheap\"}}"))
        .hasMessageContaining("test.json").hasMessageContaining("'x'").hasMessageContaining("input_cost_per_token");
    assertThatThrownBy(() -> overrides("{\"x\": {\"input_cost_per_token\": -1, \"output_cost_per_token\": 1}}"))
        .hasMessageContaining(">= 0");
    assertThatThrownBy(() -> overrides("{\"brand-new\": {\"input_cost_per_token\": 1e-6}}"))
        .hasMessageContaining("brand-new").hasMessageContaining("output_cost_per_token");
    assertThatThrownBy(() -> overrides("{\"gpt-5\": {\"effective_from\": \"yesterday\"}}"))
        .hasMessageContaining("effective_from");
    assertThatThrownBy(() -> overrides("{\"gpt-5\": {"))
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> catalog.withOverrides(dir.resolve("missing.json")))
        .isInstanceOf(NoSuchFileException.class);
    Path f = dir.resolve("prices.json");
    Files.writeString(f, "{\"gpt-5\": {\"input_cost_per_token\": 2e-6}}");
    assertThat(catalog.withOverrides(f).find("gpt-5", NOW).price().input()).isEqualByComparingTo("0.000002");
  }

  @Test
  void picoArithmeticAgreesWithBigDecimal() {
    java.util.Random r = new java.util.Random(7);
    for (String model : catalog.models()) {
      PriceMatch m = catalog.find(model, NOW);
      for (int i = 0; i < 20; i++) {
        long[] t = new long[5];
        for (int k = 0; k < 5; k++) t[k] = r.nextInt(4) == 0 ? 0 : r.nextInt(600_000);
        assertThat(m.cost(t[0], t[1], t[2], t[3], t[4])).as(model)
            .isEqualByComparingTo(m.costExact(t[0], t[1], t[2], t[3], t[4]));
      }
    }
  }

  private PriceCatalog overrides(String json) {
    try {
      return catalog.withOverrides(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
