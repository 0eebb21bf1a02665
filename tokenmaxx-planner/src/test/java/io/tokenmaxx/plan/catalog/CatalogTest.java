package io.tokenmaxx.plan.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.plan.GpuSpec;
import io.tokenmaxx.plan.ModelSpec;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
  final Catalog c = Catalog.builtIn();

  @Test
  void shipsTheModelsAndGpusOfTheIssue() {
    assertThat(c.models()).extracting(ModelSpec::name).contains("Llama-3.1-8B", "Llama-3.3-70B", "Llama-3.1-70B",
        "Llama-3.1-405B", "Mistral-7B", "Qwen2.5-72B", "Mixtral-8x7B", "DeepSeek-V3", "Qwen3-30B-A3B");
    assertThat(c.gpus()).extracting(GpuSpec::name).containsExactly("H100", "H200", "A100-80GB", "L40S", "MI300X");
    assertThat(c.gpus()).allSatisfy(g -> {
      assertThat(g.priceAsOf()).isNotBlank();
      assertThat(g.priceSource()).contains("assumption");
      assertThat(g.datasheet()).isNotBlank();
    });
    assertThat(c.models()).allSatisfy(m -> assertThat(m.source()).isNotBlank());
    assertThat(c.apiPrices()).allSatisfy(p -> assertThat(p.asOf()).isNotBlank());
  }

  @Test
  void datasheetFactsMatchThePublishedTable() {
    GpuSpec h100 = c.gpu("H100");
    assertThat(h100.memoryBandwidthTBps()).isEqualTo(3.35);
    assertThat(h100.bf16Tflops()).isEqualTo(989.4);
    assertThat(h100.tdpWatts()).isEqualTo(700);
    assertThat(c.gpu("H200").memoryBandwidthTBps()).isEqualTo(4.8);
    assertThat(c.gpu("A100-80GB").hasFp8()).isFalse();
    ModelSpec m = c.model("Llama-3.1-405B");
    assertThat(m.layers()).isEqualTo(126);
    assertThat(m.hiddenSize()).isEqualTo(16384);
    assertThat(m.kvHeads()).isEqualTo(8);
  }

  @Test
  void namesAreCaseAndPunctuationInsensitiveAndAliasesWork() {
    assertThat(c.model("llama-3.1-8b").name()).isEqualTo("Llama-3.1-8B");
    assertThat(c.model("LLAMA3.1_8B").name()).isEqualTo("Llama-3.1-8B");
    assertThat(c.model("meta-llama/Llama-3.3-70B-Instruct").name()).isEqualTo("Llama-3.3-70B");
    assertThat(c.gpu("h100-sxm").name()).isEqualTo("H100");
    assertThat(c.gpu("a100").name()).isEqualTo("A100-80GB");
    assertThat(c.apiPrice("Claude-Sonnet-4-5").outputPerMillion()).isEqualByComparingTo("15");
  }

  @Test
  void unknownNamesSuggestCloseOnesAndListTheCatalog() {
    assertThatThrownBy(() -> c.model("llama-3.1-7b"))
        .isInstanceOf(UnknownNameException.class)
        .hasMessageContaining("unknown model 'llama-3.1-7b'")
        .hasMessageContaining("did you mean Llama-3.1-70B or Llama-3.1-8B")
        .hasMessageContaining("Known models: Llama-3.1-8B, Llama-3.1-70B");
    assertThatThrownBy(() -> c.gpu("H300")).hasMessageContaining("did you mean H100 or H200");
    assertThatThrownBy(() -> c.gpu("B200")).hasMessageContaining("Known gpus: H100, H200, A100-80GB, L40S, MI300X");
  }

  @Test
  void aUserFileReplacesAndAddsEntries(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("mine.json");
    Files.writeString(f, """
        {"gpus": [
          {"name": "h100", "memory_gib": 79.6, "memory_bandwidth_tb_s": 3.35, "dense_tflops": {"bf16": 989.4, "fp8": 1978.9},
           "interconnect_gb_s": 450, "tdp_watts": 700, "purchase_price_usd": 25000, "rental_usd_per_gpu_hour": 1.99,
           "price_source": "our quote", "price_as_of": "2026-05"},
          {"name": "B200", "memory_gib": 180, "memory_bandwidth_tb_s": 8, "dense_tflops": {"bf16": 2250, "fp8": 4500},
           "interconnect_gb_s": 900, "tdp_watts": 1000, "purchase_price_usd": 50000, "rental_usd_per_gpu_hour": 5}],
         "api_prices": [{"name": "in-house", "input_per_million": 0.1, "output_per_million": 0.2}]}
        """);
    Catalog mine = c.withOverrides(f);
    assertThat(mine.gpu("H100").purchasePriceUsd()).isEqualByComparingTo(new BigDecimal("25000"));
    assertThat(mine.gpu("H100").priceSource()).isEqualTo("our quote");
    assertThat(mine.gpu("B200").memoryGiB()).isEqualTo(180);
    assertThat(mine.gpus()).hasSize(6);
    assertThat(mine.apiPrice("in-house").cachedInputPerMillion()).isEqualByComparingTo("0.1");
    assertThat(c.gpu("H100").purchasePriceUsd()).isEqualByComparingTo("35000"); // the built-in is unchanged
  }

  @Test
  void badFilesNameTheFileEntryAndField() {
    assertThatThrownBy(() -> c.withOverrides("{\"models\": [{\"name\": \"X\", \"total_params\": -1}]}", "x.json"))
        .hasMessageContaining("catalog x.json: models[0] (X): field 'total_params' must be a positive whole number");
    assertThatThrownBy(() -> c.withOverrides("{\"gpus\": [{\"name\": \"G\", \"memory_gb\": 80}]}", "g.json"))
        .hasMessageContaining("gpus[0] (G)").hasMessageContaining("'dense_tflops' is missing");
    assertThatThrownBy(() -> c.withOverrides("""
        {"api_prices": [{"name": "a", "input_per_million": 1, "output_per_million": 2, "ouput": 3}]}""", "a.json"))
        .hasMessageContaining("field 'ouput' is not a known field");
    assertThatThrownBy(() -> c.withOverrides("{\"modles\": []}", "m.json")).hasMessageContaining("unknown section 'modles'");
    assertThatThrownBy(() -> c.withOverrides("{", "b.json")).hasMessageContaining("catalog b.json is not valid JSON");
  }
}
