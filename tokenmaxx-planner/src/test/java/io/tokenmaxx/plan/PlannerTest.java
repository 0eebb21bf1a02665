package io.tokenmaxx.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tokenmaxx.plan.catalog.Catalog;
import org.junit.jupiter.api.Test;

class PlannerTest {
  final Planner toy = new Planner(Toy.PROFILE);
  final Catalog catalog = Catalog.builtIn();
  final Planner planner = Planner.withDefaults();

  @Test
  void maximumLoadThroughputIsBatchOverTheMeanStep() {
    // ISL 1,000 / OSL 1,000: the KV cache holds 782,289 / 2,000 = 391 sequences, the engine 256 -> batch 256.
    // 256 / 1,000 prompts start per step: 256 prompt tokens per step on average, but a prompt is
    // prefilled as one unit of 1,000 tokens (it fits the 8,192 - 256 left in a step), so 0.256 of
    // the steps carry a prompt and the rest only decode.
    //  with a prompt (256 decode + 1,000 prompt tokens):
    //   GEMM 2 x 10e9 x 1,256 / 1e15 = 0.02512 + head 2 x 409.6e6 x 257 / 5e14 = 4.210688e-4
    //   (vs weights 6.762e-3: compute wins); prompt attention 1,000 x 500 x 655,360 / 1e15 = 3.2768e-4;
    //   KV read 256 x 1,500 x 81,920 / 1.6e12 = 0.0196608; = 0.001 + 0.0255410688 + 0.00032768 + 0.0196608
    //   = 0.0465295488 s
    //  decode only (a CUDA graph of 256): GEMM 0.00512 + 4.194304e-4 < weights 0.006762;
    //   = 0.001 + 0.006762 + 0.0196608 = 0.0274228 s
    //  mean step = 0.256 x 0.0465295488 + 0.744 x 0.0274228 = 0.0323141276928 s
    // output = 256 / 0.0323141276928 = 7,922.23 tokens/s; input the same (ISL = OSL)
    ThroughputEstimate e = toy.throughput(Toy.fp8(1), Workload.of(1000, 1000));
    assertThat(e.fit()).isEqualTo(Fit.FITS);
    assertThat(e.limiter()).isEqualTo(Limiter.MAX_BATCH);
    assertThat(e.concurrency()).isEqualTo(256);
    assertThat(e.kvLimitedConcurrency()).isEqualTo(391);
    assertThat(e.itlSeconds()).isCloseTo(0.0323141276928, within(1e-12));
    assertThat(e.outputTokensPerSecond()).isCloseTo(256 / 0.0323141276928, within(1e-6));
    assertThat(e.inputTokensPerSecond()).isCloseTo(e.outputTokensPerSecond(), within(1e-9));
    assertThat(e.requestsPerSecond()).isCloseTo(e.outputTokensPerSecond() / 1000, within(1e-9));
    // KV read 0.0196608 beats compute 0.256 x 0.0258687488 and weights 0.744 x 0.006762
    assertThat(e.step().bottleneck()).isEqualTo(Bottleneck.KV_CACHE_READ);
  }

  @Test
  void promptsArrivingEveryStepAreSpreadOverTheSteps() {
    // ISL 100 / OSL 50, batch 256: 512 prompt tokens per step, more than one 100-token prompt, so
    // every step carries the average: 256 decode + 512 prompt tokens, 5.12 prompts finishing.
    Deployment d = Toy.fp8(1);
    Workload w = Workload.of(100, 50);
    StepTime mean = toy.steady(d, w, 256);
    StepTime direct = StepModel.step(d, Toy.PROFILE, 256, 256, 125, 512, 50, 5.12);
    assertThat(mean).isEqualTo(direct);
  }

  @Test
  void withoutChunkedPrefillTheStepBudgetGrowsToHoldTheWholePrompt() {
    // A 20,000-token prompt: chunked, it is prefilled in chunks of 8,192 - n; unchunked, in one step
    // whose budget is raised to 20,000 + 256 (the prompt beside a full batch).
    Planner unchunked = new Planner(Toy.PROFILE.withChunkedPrefill(false));
    Workload w = Workload.of(20_000, 2_000);
    assertThat(toy.prefillUnit(w, 10)).isEqualTo(8182);
    assertThat(unchunked.prefillUnit(w, 10)).isEqualTo(20_000);
    ThroughputEstimate e = unchunked.throughput(Toy.fp8(1), w);
    assertThat(e.memory().runtimeBytes()).isGreaterThan(toy.memory(Toy.fp8(1)).runtimeBytes());
    // one step prefills the whole prompt beside the batch: TTFT is that single step
    int n = e.concurrency();
    assertThat(e.ttftSeconds()).isCloseTo(
        StepModel.step(Toy.fp8(1), Toy.PROFILE, n, n, 21_000, 20_000, 10_000, 1).totalSeconds(), within(1e-12));
  }

  @Test
  void ttftIsTheStepThatPrefillsThePromptBesideTheBatch() {
    // The 1,000-token prompt fits one chunk (8,192 - 256 left): one step with 256 decode + 1,000 prompt tokens:
    //   GEMM 2 x 10e9 x 1,256 / 1e15 = 0.02512 + head 2 x 409.6e6 x 257 / 5e14 = 4.210688e-4
    //   prefill attention 1,000 x 500 x 655,360 / 1e15 = 3.2768e-4; KV read 0.0196608
    //   = 0.001 + 0.0255410688 + 0.00032768 + 0.0196608 = 0.0465295488 s
    ThroughputEstimate e = toy.throughput(Toy.fp8(1), Workload.of(1000, 1000));
    assertThat(e.ttftSeconds()).isCloseTo(0.0465295488, within(1e-12));
  }

  @Test
  void kvCacheLimitsLongSequences() {
    // ISL 8,000 / OSL 2,000: 782,289 / 10,000 = 78 sequences
    ThroughputEstimate e = toy.throughput(Toy.fp8(1), Workload.of(8000, 2000));
    assertThat(e.limiter()).isEqualTo(Limiter.KV_CACHE);
    assertThat(e.concurrency()).isEqualTo(78);
  }

  @Test
  void promptHeavyWorkloadsAreLimitedByTheStepTokenBudget() {
    // ISL 2,048 / OSL 128: each decoding sequence brings 16 prompt tokens per step: 8,192 / 17 = 481 < 512
    ModelSpec m = catalog.model("Llama-3.1-8B");
    ThroughputEstimate e = planner.throughput(Deployment.of(m, catalog.gpu("H200"), 1, Precision.FP8),
        Workload.of(2048, 128));
    assertThat(e.limiter()).isEqualTo(Limiter.STEP_TOKEN_BUDGET);
    assertThat(e.concurrency()).isEqualTo(481);
  }

  @Test
  void a70bModelOnOneH100IsKvStarved() {
    ThroughputEstimate e = planner.throughput(
        Deployment.of(catalog.model("Llama-3.3-70B"), catalog.gpu("H100"), 1, Precision.FP8), Workload.of(128, 2048));
    assertThat(e.fit()).isEqualTo(Fit.KV_STARVED);
    assertThat(e.serves()).isTrue();
    assertThat(e.notes()).anyMatch(n -> n.startsWith("KV-cache-starved"));
    ThroughputEstimate tp2 = planner.throughput(
        Deployment.of(catalog.model("Llama-3.3-70B"), catalog.gpu("H100"), 2, Precision.FP8), Workload.of(128, 2048));
    assertThat(tp2.outputTokensPerSecondPerGpu()).isGreaterThan(2 * e.outputTokensPerSecondPerGpu());
  }

  @Test
  void tooLargeModelsDoNotFitAndTheNoteSaysWhereTheyWould() {
    Deployment d = Deployment.of(catalog.model("Llama-3.1-405B"), catalog.gpu("H100"), 1, Precision.FP8);
    ThroughputEstimate e = planner.throughput(d, Workload.of(1000, 1000));
    assertThat(e.fit()).isEqualTo(Fit.DOES_NOT_FIT);
    assertThat(e.outputTokensPerSecond()).isZero();
    assertThat(e.notes().get(0)).contains("Does not fit").contains("It fits at TP8");
    assertThat(planner.minTensorParallel(d, Workload.of(1000, 1000), 8)).isEqualTo(8);
  }

  @Test
  void sequencesLongerThanTheContextDoNotFit() {
    ThroughputEstimate e = planner.throughput(
        Deployment.of(catalog.model("Mistral-7B"), catalog.gpu("H100"), 1, Precision.BF16), Workload.of(30_000, 4_000));
    assertThat(e.fit()).isEqualTo(Fit.DOES_NOT_FIT);
    assertThat(e.notes().get(0)).contains("exceeds the 32,768-token context");
  }

  @Test
  void latencyTargetsCapTheBatch() {
    Deployment d = Toy.fp8(1);
    Workload w = Workload.of(1000, 1000);
    ThroughputEstimate capped = toy.throughput(d, w, new LatencyTargets(Double.POSITIVE_INFINITY, 0.020));
    assertThat(capped.limiter()).isEqualTo(Limiter.LATENCY_TARGET);
    assertThat(capped.itlSeconds()).isLessThanOrEqualTo(0.020);
    assertThat(toy.steady(d, w, capped.concurrency() + 1).totalSeconds()).isGreaterThan(0.020);
    ThroughputEstimate impossible = toy.throughput(d, w, new LatencyTargets(Double.POSITIVE_INFINITY, 0.001));
    assertThat(impossible.fit()).isEqualTo(Fit.LATENCY_UNMET);
    assertThat(impossible.concurrency()).isEqualTo(1);
  }

  @Test
  void batchCurveTradesLatencyForThroughputUpToMaximumLoad() {
    var curve = toy.batchCurve(Toy.fp8(1), Workload.of(1000, 1000), 10);
    assertThat(curve.get(0).batch()).isEqualTo(1);
    assertThat(curve.get(curve.size() - 1).batch()).isEqualTo(256);
    assertThat(curve.get(curve.size() - 1).outputTokensPerSecond()).isCloseTo(256 / 0.0323141276928, within(1e-6));
    for (int i = 1; i < curve.size(); i++) {
      assertThat(curve.get(i).batch()).isGreaterThan(curve.get(i - 1).batch());
      assertThat(curve.get(i).outputTokensPerSecond()).isGreaterThan(curve.get(i - 1).outputTokensPerSecond());
      assertThat(curve.get(i).itlSeconds()).isGreaterThan(curve.get(i - 1).itlSeconds());
    }
    assertThat(planner.batchCurve(Deployment.of(catalog.model("Llama-3.1-405B"), catalog.gpu("H100"), 1,
        Precision.FP8), Workload.of(100, 100), 10)).isEmpty();
  }

  @Test
  void prefixCacheHitsSavePrefillButNotMemory() {
    ThroughputEstimate cold = toy.throughput(Toy.fp8(1), Workload.of(8000, 500));
    ThroughputEstimate warm = toy.throughput(Toy.fp8(1), new Workload(8000, 500, 0.75));
    assertThat(warm.kvLimitedConcurrency()).isEqualTo(cold.kvLimitedConcurrency());
    assertThat(warm.step().prefillAttentionSeconds()).isLessThan(cold.step().prefillAttentionSeconds());
    assertThat(warm.outputTokensPerSecond()).isGreaterThan(cold.outputTokensPerSecond());
  }
}
