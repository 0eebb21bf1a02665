package io.tokenmaxx.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tokenmaxx.plan.catalog.Catalog;
import org.junit.jupiter.api.Test;

class MemoryModelTest {

  @Test
  void weightsAtPrecisionWithVocabularyMatricesAt16Bit() {
    // FP8: 10e9 body x 1 B + 2 x 409.6e6 x 2 B = 10e9 + 1.6384e9 = 11.6384e9 B
    assertThat(MemoryModel.weightBytes(Toy.fp8(1))).isEqualTo(11.6384e9);
    // TP2 holds half: 5.8192e9 B
    assertThat(MemoryModel.weightBytes(Toy.fp8(2))).isEqualTo(5.8192e9);
    // INT4: 10e9 x 0.5 + 1.6384e9 = 6.6384e9 B
    assertThat(MemoryModel.weightBytes(Deployment.of(Toy.MODEL, Toy.GPU, 1, Precision.INT4))).isEqualTo(6.6384e9);
  }

  @Test
  void kvBytesPerTokenIsTwoTimesLayersKvHeadsHeadDimBytes() {
    // 2 (K, V) x 40 layers x 8 KV heads x 128 x 1 B (FP8) = 81,920 B
    assertThat(MemoryModel.kvBytesPerToken(Toy.fp8(1))).isEqualTo(81_920);
    // BF16 cache: 163,840 B; TP2 holds 4 heads per GPU: 40,960 B
    assertThat(MemoryModel.kvBytesPerToken(new Deployment(Toy.MODEL, Toy.GPU, 1, Precision.FP8, Precision.BF16)))
        .isEqualTo(163_840);
    assertThat(MemoryModel.kvBytesPerToken(Toy.fp8(2))).isEqualTo(40_960);
    // Llama-3.1-8B FP8: 2 x 32 x 8 x 128 x 1 = 65,536 B (64 KiB) per token
    Catalog c = Catalog.builtIn();
    assertThat(MemoryModel.kvBytesPerToken(Deployment.of(c.model("Llama-3.1-8B"), c.gpu("H100"), 1, Precision.FP8)))
        .isEqualTo(65_536);
  }

  @Test
  void runtimeIsReservePlusActivationsPlusLogits() {
    // 2 GiB (2,147,483,648) + 8,192 tokens x (4 x 4,096 + 2 x 16,384) x 2 B (805,306,368)
    // + 256 sequences x 100,000 vocab x 4 B (102,400,000) = 3,055,190,016 B
    assertThat(MemoryModel.runtimeBytes(Toy.fp8(1), Toy.PROFILE)).isEqualTo(3_055_190_016.0);
  }

  @Test
  void kvCacheTakesItsFractionOfWhatIsLeft() {
    // 80 GiB = 85,899,345,920 B - 11,638,400,000 weights - 3,055,190,016 runtime = 71,205,755,904 free
    // x 0.9 = 64,085,180,313.6 B of KV cache / 81,920 B per token = 782,289 tokens
    MemoryBreakdown m = MemoryModel.of(Toy.fp8(1), Toy.PROFILE);
    assertThat(m.fitsWeights()).isTrue();
    assertThat(m.kvCacheBytes()).isCloseTo(64_085_180_313.6, within(1e-3));
    assertThat(m.kvTokenCapacity()).isEqualTo(782_289);
    // sequences of 1,000 + 1,000 tokens: 782,289 / 2,000 = 391
    assertThat(m.maxSequences(2000)).isEqualTo(391);
    assertThat(m.unusedBytes()).isCloseTo(71_205_755_904.0 * 0.1, within(1e-3));
  }

  @Test
  void tensorParallelShrinksWeightsAndKvPerGpu() {
    // TP2: weights 5,819,200,000; runtime 2 GiB + 8,192 x (16,384 + 16,384) x 2 + 256 x 50,000 x 4
    //      = 2,147,483,648 + 536,870,912 + 51,200,000 = 2,735,554,560
    // free = 85,899,345,920 - 5,819,200,000 - 2,735,554,560 = 77,344,591,360; x 0.9 / 40,960 = 1,699,466 tokens
    MemoryBreakdown m = MemoryModel.of(Toy.fp8(2), Toy.PROFILE);
    assertThat(m.runtimeBytes()).isEqualTo(2_735_554_560.0);
    assertThat(m.kvTokenCapacity()).isEqualTo(1_699_466);
  }

  @Test
  void aModelLargerThanTheGpuDoesNotFit() {
    // Llama-3.1-405B in BF16 is ~811 GB: not on one 80 GiB GPU
    Catalog c = Catalog.builtIn();
    MemoryBreakdown m = MemoryModel.of(Deployment.of(c.model("Llama-3.1-405B"), c.gpu("H100"), 1, Precision.BF16),
        EngineProfile.DEFAULT);
    assertThat(m.fitsWeights()).isFalse();
    assertThat(m.kvCacheBytes()).isZero();
    assertThat(m.kvTokenCapacity()).isZero();
  }
}
