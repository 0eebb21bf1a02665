package io.tokenmaxx.plan;

/**
 * The few global constants that turn datasheet peaks into what a serving engine achieves. They are
 * the same for every model, GPU and workload; RATIONALE.md says where each value comes from.
 *
 * @param mfu                    achieved fraction of peak tensor FLOP/s in matrix multiplies and attention
 * @param bandwidthEfficiency    achieved fraction of peak memory bandwidth when streaming weights and KV cache
 * @param stepOverheadSeconds    fixed time per engine step: scheduling, sampling, launches not hidden by CUDA graphs
 * @param maxBatchSize           most sequences the engine decodes in one step
 * @param maxTokensPerStep       most tokens (prefill + decode) one step processes; prompts are chunked to it
 * @param kvCacheFraction        share of the memory left after weights and runtime that the KV cache takes
 * @param runtimeReserveGiB      fixed memory per GPU for CUDA context, CUDA graphs and allocator slack
 * @param allReduceLatencySeconds fixed latency of one tensor-parallel all-reduce
 * @param interconnectEfficiency achieved fraction of the GPU-to-GPU link bandwidth in an all-reduce
 */
public record EngineProfile(
    double mfu,
    double bandwidthEfficiency,
    double stepOverheadSeconds,
    int maxBatchSize,
    int maxTokensPerStep,
    double kvCacheFraction,
    double runtimeReserveGiB,
    double allReduceLatencySeconds,
    double interconnectEfficiency) {

  /** The defaults: see RATIONALE.md. */
  public static final EngineProfile DEFAULT =
      new EngineProfile(0.50, 0.80, 0.0005, 512, 8192, 0.90, 2.0, 8e-6, 0.70);

  public EngineProfile {
    Checks.openFraction(mfu, "mfu");
    Checks.openFraction(bandwidthEfficiency, "bandwidth efficiency");
    Checks.nonNegative(stepOverheadSeconds, "step overhead");
    Checks.positive(maxBatchSize, "max batch size");
    Checks.positive(maxTokensPerStep, "max tokens per step");
    Checks.openFraction(kvCacheFraction, "KV-cache memory fraction");
    Checks.nonNegative(runtimeReserveGiB, "runtime reserve");
    Checks.nonNegative(allReduceLatencySeconds, "all-reduce latency");
    Checks.openFraction(interconnectEfficiency, "interconnect efficiency");
  }

  public EngineProfile withKvCacheFraction(double v) {
    return new EngineProfile(mfu, bandwidthEfficiency, stepOverheadSeconds, maxBatchSize,
        maxTokensPerStep, v, runtimeReserveGiB, allReduceLatencySeconds, interconnectEfficiency);
  }

  public EngineProfile withMaxBatchSize(int v) {
    return new EngineProfile(mfu, bandwidthEfficiency, stepOverheadSeconds, v,
        maxTokensPerStep, kvCacheFraction, runtimeReserveGiB, allReduceLatencySeconds, interconnectEfficiency);
  }

  public EngineProfile withRuntimeReserveGiB(double v) {
    return new EngineProfile(mfu, bandwidthEfficiency, stepOverheadSeconds, maxBatchSize,
        maxTokensPerStep, kvCacheFraction, v, allReduceLatencySeconds, interconnectEfficiency);
  }

  public EngineProfile withEfficiency(double newMfu, double newBandwidthEfficiency) {
    return new EngineProfile(newMfu, newBandwidthEfficiency, stepOverheadSeconds, maxBatchSize,
        maxTokensPerStep, kvCacheFraction, runtimeReserveGiB, allReduceLatencySeconds, interconnectEfficiency);
  }
}
