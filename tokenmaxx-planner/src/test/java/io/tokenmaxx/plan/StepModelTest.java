package io.tokenmaxx.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tokenmaxx.plan.catalog.Catalog;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class StepModelTest {
  static final Offset<Double> NS = within(1e-9);

  @Test
  void decodeStepWithSmallBatchIsBoundByReadingWeights() {
    // 100 sequences decoding at context 1,000, no prompt in the step, Toy on ToyGPU, FP8, TP1.
    // rates: GEMM 2,000e12 x 0.5 = 1e15 FLOP/s; output head (BF16) 5e14; bandwidth 2e12 x 0.8 = 1.6e12 B/s
    StepTime s = StepModel.step(Toy.fp8(1), Toy.PROFILE, 100, 100, 1000, 0, 0, 0);
    // GEMM: 2 x 10e9 x 100 / 1e15 = 2.0e-3; head: 2 x 409.6e6 x 100 / 5e14 = 1.6384e-4 -> 2.16384e-3 s
    assertThat(s.gemmComputeSeconds()).isCloseTo(2.16384e-3, NS);
    // weights read once: (10e9 x 1 B + 409.6e6 x 2 B) / 1.6e12 = 10.8192e9 / 1.6e12 = 6.762e-3 s
    assertThat(s.weightReadSeconds()).isCloseTo(6.762e-3, NS);
    // KV read: 100 x 1,000 x 81,920 B / 1.6e12 = 5.12e-3 s
    assertThat(s.kvReadSeconds()).isCloseTo(5.12e-3, NS);
    // attention math: 100 x 1,000 x 40 layers x 16,384 / 1e15 = 6.5536e-5 s (hidden behind the KV read)
    assertThat(s.decodeAttentionComputeSeconds()).isCloseTo(6.5536e-5, NS);
    assertThat(s.communicationSeconds()).isZero();
    // total: 1e-3 overhead + max(2.16384e-3, 6.762e-3) + max(5.12e-3, 6.55e-5) = 12.882e-3 s
    assertThat(s.totalSeconds()).isCloseTo(12.882e-3, NS);
    assertThat(s.bottleneck()).isEqualTo(Bottleneck.WEIGHT_READ);
  }

  @Test
  void prefillIsComputeBound() {
    // 4,096 prompt tokens with mean causal context 2,048, one prompt finishing, nothing decoding.
    StepTime s = StepModel.step(Toy.fp8(1), Toy.PROFILE, 0, 0, 0, 4096, 2048, 1);
    // GEMM: 2 x 10e9 x 4,096 / 1e15 = 0.08192; head for 1 token: 2 x 409.6e6 / 5e14 = 1.6384e-6
    assertThat(s.gemmComputeSeconds()).isCloseTo(0.08192 + 1.6384e-6, NS);
    // attention: 4,096 x 2,048 x 40 x 16,384 / 1e15 = 5.49755813888e-3
    assertThat(s.prefillAttentionSeconds()).isCloseTo(5.49755813888e-3, NS);
    // total: 1e-3 + 0.0819216384 + 0.00549755813888 = 0.08841919653888
    assertThat(s.totalSeconds()).isCloseTo(0.08841919653888, NS);
    assertThat(s.bottleneck()).isEqualTo(Bottleneck.COMPUTE);
  }

  @Test
  void tensorParallelAddsTwoAllReducesPerLayer() {
    // TP2, 100 tokens: message 100 x 4,096 x 2 B = 819,200 B; ring sends 2 x (2-1)/2 = 1 x that
    // over 400e9 x 0.5 = 2e11 B/s = 4.096e-6 s, plus 10e-6 latency; 2 x 40 layers x 14.096e-6 = 1.12768e-3 s
    StepTime s = StepModel.step(Toy.fp8(2), Toy.PROFILE, 100, 100, 1000, 0, 0, 0);
    assertThat(s.communicationSeconds()).isCloseTo(1.12768e-3, NS);
    // every other part halves: weights 3.381e-3, KV 2.56e-3 (4 of 8 heads per GPU)
    assertThat(s.weightReadSeconds()).isCloseTo(3.381e-3, NS);
    assertThat(s.kvReadSeconds()).isCloseTo(2.56e-3, NS);
  }

  @Test
  void wideTensorParallelismPaysARingLatencyPerHop() {
    // TP4, 100 tokens: 2 x 3 = 6 hops of 5 us = 30 us, plus 6 / 4 x 819,200 B / 2e11 B/s = 6.144e-6 s;
    // 2 x 40 layers x 36.144e-6 = 2.89152e-3 s
    StepTime s = StepModel.step(Toy.fp8(4), Toy.PROFILE, 100, 100, 1000, 0, 0, 0);
    assertThat(s.communicationSeconds()).isCloseTo(2.89152e-3, NS);
  }

  @Test
  void paddedRowsCostMathAndAllReduceButNotKvReads() {
    // 100 sequences replayed in a graph of 104: GEMM math and all-reduce bytes for 104 rows.
    StepTime exact = StepModel.step(Toy.fp8(2), Toy.PROFILE, 100, 100, 1000, 0, 0, 0);
    StepTime padded = StepModel.step(Toy.fp8(2), Toy.PROFILE, 100, 104, 1000, 0, 0, 0);
    assertThat(padded.gemmComputeSeconds()).isCloseTo(exact.gemmComputeSeconds() * 1.04, NS);
    assertThat(padded.kvReadSeconds()).isEqualTo(exact.kvReadSeconds());
    assertThat(padded.communicationSeconds()).isGreaterThan(exact.communicationSeconds());
  }

  @Test
  void nearTheRidgePointMathAndWeightReadDoNotFullyOverlap() {
    // Toy profile with overlap sharpness 2 and 10 us per layer: 100 decode tokens, math 2.16384e-3
    // and weight read 6.762e-3 combine to sqrt(2.16384e-3^2 + 6.762e-3^2) = 7.099781...e-3;
    // overhead 1e-3 + 40 x 10e-6 = 1.4e-3
    EngineProfile soft = Toy.PROFILE.toBuilder().overlapSharpness(2).layerOverheadSeconds(10e-6).build();
    StepTime s = StepModel.step(Toy.fp8(1), soft, 100, 100, 1000, 0, 0, 0);
    double both = Math.hypot(2.16384e-3, 6.762e-3);
    assertThat(s.weightReadSeconds()).isCloseTo(both, NS);
    assertThat(s.gemmComputeSeconds()).isCloseTo(2.16384e-3, NS);
    assertThat(s.overheadSeconds()).isCloseTo(1.4e-3, NS);
    assertThat(s.totalSeconds()).isCloseTo(1.4e-3 + both + 5.12e-3, NS);
  }

  @Test
  void gemmEfficiencyWeighsEachProjectionByItsFlops() {
    // Llama-3.1-8B at TP1 with the default profile: hidden 4,096, attention 32 x 128 = 4,096,
    // KV 2 x 8 x 128 = 2,048, feed-forward 14,336.
    //   QKV   K 4,096,  FLOPs 4,096 x 6,144  = 25,165,824  at 0.58 x 4/5
    //   out   K 4,096,  FLOPs 4,096 x 4,096  = 16,777,216  at 0.58 x 4/5
    //   up    K 4,096,  FLOPs 4,096 x 28,672 = 117,440,512 at 0.58 x 4/5
    //   down  K 14,336, FLOPs 14,336 x 4,096 = 58,720,256  at 0.58 x 14/15
    // = 218,103,808 / (159,383,552 / 0.464 + 58,720,256 / 0.541333...) = 0.47857...
    Deployment d = Deployment.of(Catalog.builtIn().model("Llama-3.1-8B"), Toy.GPU, 1, Precision.FP8);
    double expected = 218_103_808.0 / (159_383_552.0 / 0.464 + 58_720_256.0 / (0.58 * 14 / 15));
    assertThat(StepModel.gemmEfficiency(d, EngineProfile.DEFAULT)).isCloseTo(expected, within(1e-12));
    // At TP8 the output and down projections reduce over 512 and 1,792: less efficient.
    assertThat(StepModel.gemmEfficiency(d.withTensorParallel(8), EngineProfile.DEFAULT)).isLessThan(expected);
    // The toy profile (half depth 0) runs every shape at 0.5.
    assertThat(StepModel.gemmEfficiency(d, Toy.PROFILE)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void mixtureOfExpertsReadsOnlyTheExpertsItsTokensPick() {
    // Mixtral: 8 experts, 2 per token. Expected experts touched by T tokens: 8 x (1 - (6/8)^T):
    // T = 1 -> 2; T = 2 -> 8 x (1 - 0.5625) = 3.5; T = 100 -> ~8.
    ModelSpec m = Catalog.builtIn().model("Mixtral-8x7B");
    Deployment d = Deployment.of(m, Toy.GPU, 1, Precision.FP8);
    double shared = m.sharedBodyParams();
    double p = m.paramsPerExpert();
    double head = m.embeddingParams() * 2.0;
    assertThat(StepModel.weightBytesRead(d, 1)).isCloseTo(shared + 2 * p + head, within(1.0));
    assertThat(StepModel.weightBytesRead(d, 2)).isCloseTo(shared + 3.5 * p + head, within(1.0));
    assertThat(StepModel.weightBytesRead(d, 100)).isCloseTo(shared + 8 * p + head, within(1.0));
  }

  @Test
  void denseModelsReadAllWeightsWhateverTheBatch() {
    assertThat(StepModel.weightBytesRead(Toy.fp8(1), 1)).isEqualTo(StepModel.weightBytesRead(Toy.fp8(1), 1000));
  }
}
