package io.tokenmaxx.plan;

/**
 * The few global constants that turn datasheet peaks into what a serving engine achieves, and the
 * engine's own settings. They are the same for every model, GPU and workload; RATIONALE.md says
 * where each value comes from.
 *
 * @param gemmEfficiency          share of peak tensor FLOP/s a matrix multiply with a long reduction
 *                                reaches (the non-GEMM kernels of a layer included)
 * @param gemmHalfDepth           per-GPU reduction length (K) at which a matrix multiply reaches half of
 *                                {@code gemmEfficiency}: it runs at K / (K + this) of it
 * @param bandwidthEfficiency     achieved fraction of peak memory bandwidth when streaming weights and KV cache
 * @param overlapSharpness        how completely matrix-multiply math hides the weight read: the two take
 *                                (math^s + read^s)^(1/s); infinity is a perfect roofline (their maximum)
 * @param stepOverheadSeconds     fixed time per engine step: scheduling, sampling
 * @param layerOverheadSeconds    fixed time per layer and step: the gaps and minimum durations of the
 *                                dozen kernels a layer launches
 * @param maxBatchSize            most sequences the engine decodes in one step
 * @param maxTokensPerStep        most tokens (prefill + decode) one step processes
 * @param chunkedPrefill          whether long prompts are split into chunks that fill a step's token
 *                                budget; otherwise a prompt is prefilled whole in one step and the budget
 *                                grows to hold it
 * @param kvCacheFraction         share of the memory left after weights and runtime that the KV cache takes
 * @param runtimeReserveGiB       fixed memory per GPU for CUDA context, CUDA graphs and allocator slack
 * @param allReduceHopSeconds     latency of one step of a ring all-reduce (2 (tp - 1) steps per all-reduce)
 * @param interconnectEfficiency  achieved fraction of the GPU-to-GPU link bandwidth in an all-reduce
 */
public record EngineProfile(
    double gemmEfficiency,
    int gemmHalfDepth,
    double bandwidthEfficiency,
    double overlapSharpness,
    double stepOverheadSeconds,
    double layerOverheadSeconds,
    int maxBatchSize,
    int maxTokensPerStep,
    boolean chunkedPrefill,
    double kvCacheFraction,
    double runtimeReserveGiB,
    double allReduceHopSeconds,
    double interconnectEfficiency) {

  /** The defaults: see RATIONALE.md. */
  public static final EngineProfile DEFAULT = new EngineProfile(
      0.58, 1024, 0.89, 2.0, 0.0005, 30e-6, 512, 8192, true, 0.90, 2.0, 5e-6, 0.85);

  public EngineProfile {
    Checks.openFraction(gemmEfficiency, "GEMM efficiency");
    Checks.nonNegative(gemmHalfDepth, "GEMM half-efficiency depth");
    Checks.openFraction(bandwidthEfficiency, "bandwidth efficiency");
    if (!(overlapSharpness >= 1)) {
      throw new IllegalArgumentException("overlap sharpness must be >= 1 (infinity: perfect overlap), was "
          + overlapSharpness);
    }
    Checks.nonNegative(stepOverheadSeconds, "step overhead");
    Checks.nonNegative(layerOverheadSeconds, "layer overhead");
    Checks.positive(maxBatchSize, "max batch size");
    Checks.positive(maxTokensPerStep, "max tokens per step");
    Checks.openFraction(kvCacheFraction, "KV-cache memory fraction");
    Checks.nonNegative(runtimeReserveGiB, "runtime reserve");
    Checks.nonNegative(allReduceHopSeconds, "all-reduce hop latency");
    Checks.openFraction(interconnectEfficiency, "interconnect efficiency");
  }

  /** A builder starting from this profile. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  public EngineProfile withKvCacheFraction(double v) {
    return toBuilder().kvCacheFraction(v).build();
  }

  public EngineProfile withMaxBatchSize(int v) {
    return toBuilder().maxBatchSize(v).build();
  }

  public EngineProfile withMaxTokensPerStep(int v) {
    return toBuilder().maxTokensPerStep(v).build();
  }

  public EngineProfile withChunkedPrefill(boolean v) {
    return toBuilder().chunkedPrefill(v).build();
  }

  public EngineProfile withRuntimeReserveGiB(double v) {
    return toBuilder().runtimeReserveGiB(v).build();
  }

  /**
   * Efficiency of a matrix multiply whose per-GPU reduction length is {@code k}: the peak scaled by
   * k / (k + half depth). Each output tile pays a fixed cost (filling its load pipeline, writing
   * and scaling its result) that a longer reduction amortizes.
   */
  double gemmEfficiency(double k) {
    return gemmEfficiency * k / (k + gemmHalfDepth);
  }

  /**
   * Time of a matrix multiply whose math takes {@code math} and whose weight read takes
   * {@code read} seconds: (math^s + read^s)^(1/s), s the overlap sharpness. Near the ridge point
   * (the two about equal) kernels overlap loading and math imperfectly.
   */
  double overlap(double math, double read) {
    double hi = Math.max(math, read);
    if (hi <= 0 || Double.isInfinite(overlapSharpness)) return hi;
    double lo = Math.min(math, read) / hi;
    return hi * Math.pow(1 + Math.pow(lo, overlapSharpness), 1 / overlapSharpness);
  }

  /**
   * The batch a decode-only step computes: engines replay CUDA graphs captured for a few batch
   * sizes (1, 2, 4, multiples of 8 up to 128, then steps of 64, and the max batch) and pad the
   * batch to the next one.
   */
  public int graphBatch(int n) {
    int g;
    if (n <= 2) g = n;
    else if (n <= 4) g = 4;
    else if (n <= 128) g = (n + 7) / 8 * 8;
    else g = 128 + (n - 128 + 63) / 64 * 64;
    return Math.max(n, Math.min(g, maxBatchSize));
  }

  /** Builds an {@link EngineProfile}; every setter names the field it sets. */
  public static final class Builder {
    private double gemmEfficiency;
    private int gemmHalfDepth;
    private double bandwidthEfficiency;
    private double overlapSharpness;
    private double stepOverheadSeconds;
    private double layerOverheadSeconds;
    private int maxBatchSize;
    private int maxTokensPerStep;
    private boolean chunkedPrefill;
    private double kvCacheFraction;
    private double runtimeReserveGiB;
    private double allReduceHopSeconds;
    private double interconnectEfficiency;

    Builder(EngineProfile p) {
      gemmEfficiency = p.gemmEfficiency;
      gemmHalfDepth = p.gemmHalfDepth;
      bandwidthEfficiency = p.bandwidthEfficiency;
      overlapSharpness = p.overlapSharpness;
      stepOverheadSeconds = p.stepOverheadSeconds;
      layerOverheadSeconds = p.layerOverheadSeconds;
      maxBatchSize = p.maxBatchSize;
      maxTokensPerStep = p.maxTokensPerStep;
      chunkedPrefill = p.chunkedPrefill;
      kvCacheFraction = p.kvCacheFraction;
      runtimeReserveGiB = p.runtimeReserveGiB;
      allReduceHopSeconds = p.allReduceHopSeconds;
      interconnectEfficiency = p.interconnectEfficiency;
    }

    public Builder gemmEfficiency(double v) { gemmEfficiency = v; return this; }
    public Builder gemmHalfDepth(int v) { gemmHalfDepth = v; return this; }
    public Builder bandwidthEfficiency(double v) { bandwidthEfficiency = v; return this; }
    public Builder overlapSharpness(double v) { overlapSharpness = v; return this; }
    public Builder stepOverheadSeconds(double v) { stepOverheadSeconds = v; return this; }
    public Builder layerOverheadSeconds(double v) { layerOverheadSeconds = v; return this; }
    public Builder maxBatchSize(int v) { maxBatchSize = v; return this; }
    public Builder maxTokensPerStep(int v) { maxTokensPerStep = v; return this; }
    public Builder chunkedPrefill(boolean v) { chunkedPrefill = v; return this; }
    public Builder kvCacheFraction(double v) { kvCacheFraction = v; return this; }
    public Builder runtimeReserveGiB(double v) { runtimeReserveGiB = v; return this; }
    public Builder allReduceHopSeconds(double v) { allReduceHopSeconds = v; return this; }
    public Builder interconnectEfficiency(double v) { interconnectEfficiency = v; return this; }

    public EngineProfile build() {
      return new EngineProfile(gemmEfficiency, gemmHalfDepth, bandwidthEfficiency, overlapSharpness,
          stepOverheadSeconds, layerOverheadSeconds, maxBatchSize, maxTokensPerStep, chunkedPrefill,
          kvCacheFraction, runtimeReserveGiB, allReduceHopSeconds, interconnectEfficiency);
    }
  }
}
