package io.tokenmaxx.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tokenmaxx.plan.catalog.Catalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSpecTest {
  final Catalog catalog = Catalog.builtIn();

  @Test
  void bodyParamsExcludeTheVocabularyMatrices() {
    // Llama-3.1-8B: 8,030,261,248 - 2 x (128,256 x 4,096 = 525,336,576) = 6,979,588,096
    ModelSpec m = catalog.model("Llama-3.1-8B");
    assertThat(m.embeddingParams()).isEqualTo(525_336_576L);
    assertThat(m.bodyParams()).isEqualTo(6_979_588_096L);
    assertThat(m.activeBodyParams()).isEqualTo(m.bodyParams());
  }

  @Test
  void expertParamsFollowFromTotalAndActive() {
    // Mixtral-8x7B: p = (46,702,792,704 - 12,879,925,248) / (8 - 2) = 5,637,144,576 per expert;
    // shared body = total - 2 x (32,000 x 4,096) - 8 x p = 46,702,792,704 - 262,144,000 - 45,097,156,608
    //             = 1,343,492,096 (attention and norms of 32 layers)
    ModelSpec m = catalog.model("Mixtral-8x7B");
    assertThat(m.paramsPerExpert()).isCloseTo(5_637_144_576.0, within(1.0));
    assertThat(m.sharedBodyParams()).isCloseTo(1_343_492_096.0, within(1.0));
  }

  @Test
  void kvElementsSplitHeadsAcrossTensorParallelGpus() {
    // Llama: 8 KV heads x 128 x (K and V) = 2,048 elements per token and layer at TP1,
    // 4 heads (1,024) at TP2, 1 head (256) at TP8, still 1 head at TP16 (replicated).
    ModelSpec m = catalog.model("Llama-3.1-70B");
    assertThat(m.kvElementsPerTokenPerLayer(1)).isEqualTo(2048);
    assertThat(m.kvElementsPerTokenPerLayer(2)).isEqualTo(1024);
    assertThat(m.kvElementsPerTokenPerLayer(8)).isEqualTo(256);
    assertThat(m.kvElementsPerTokenPerLayer(16)).isEqualTo(256);
  }

  @Test
  void latentKvIsWholeOnEveryGpu() {
    // DeepSeek-V3 caches a 512-wide latent plus a 64-wide rotary key: 576 elements, at any TP.
    ModelSpec m = catalog.model("DeepSeek-V3");
    assertThat(m.kvElementsPerTokenPerLayer(1)).isEqualTo(576);
    assertThat(m.kvElementsPerTokenPerLayer(8)).isEqualTo(576);
  }

  @Test
  void attentionFlopsPerContextToken() {
    // 2 x 32 heads x (128 + 128) = 16,384 FLOPs per context token per layer
    assertThat(Toy.MODEL.attentionFlopsPerContextToken()).isEqualTo(16_384);
    // DeepSeek-V3: 2 x 128 x (192 + 128) = 81,920
    assertThat(catalog.model("DeepSeek-V3").attentionFlopsPerContextToken()).isEqualTo(81_920);
  }

  @Test
  void rejectsInconsistentShapesNamingTheField() {
    assertThatThrownBy(() -> new ModelSpec("Bad", List.of(), 1_000, 2_000, 1, 1, 1, 1, 1, 1, 1, 1, false, 0, 0, 0, 0, 1, ""))
        .hasMessageContaining("model Bad").hasMessageContaining("active_params");
    assertThatThrownBy(() -> new ModelSpec("Bad", List.of(), 10_000_000, 10_000_000, 0, 1, 1, 1, 1, 1, 1, 1, false, 0, 0, 0, 0, 1, ""))
        .hasMessageContaining("layers");
    assertThatThrownBy(() -> new ModelSpec("Bad", List.of(), 10_000_000, 5_000_000, 1, 1, 1, 1, 1, 1, 1, 1, false, 0, 0, 0, 0, 1, ""))
        .hasMessageContaining("dense model");
  }
}
