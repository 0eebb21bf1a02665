package io.tokenmaxx.plan;

/**
 * Time of one engine step and its parts, seconds. Matrix multiplies take the longer of their math
 * and reading their weights (they overlap: a roofline); decode attention takes the longer of
 * reading the KV cache and its math; the other parts add up.
 *
 * @param gemmComputeSeconds       matrix-multiply math of all tokens in the step
 * @param weightReadSeconds        reading the weights the step touches once
 * @param prefillAttentionSeconds  attention math of the prompt tokens
 * @param kvReadSeconds            reading the KV cache of every decoding sequence
 * @param decodeAttentionComputeSeconds attention math of the decode tokens
 * @param communicationSeconds     tensor-parallel all-reduces
 * @param overheadSeconds          fixed per-step cost
 * @param totalSeconds             the step
 * @param bottleneck               its largest part
 */
public record StepTime(
    double gemmComputeSeconds,
    double weightReadSeconds,
    double prefillAttentionSeconds,
    double kvReadSeconds,
    double decodeAttentionComputeSeconds,
    double communicationSeconds,
    double overheadSeconds,
    double totalSeconds,
    Bottleneck bottleneck) {

  public static final StepTime ZERO = new StepTime(0, 0, 0, 0, 0, 0, 0, 0, Bottleneck.STEP_OVERHEAD);

  /** The mean of two kinds of step, {@code share} of the steps being {@code a}. */
  static StepTime mix(StepTime a, StepTime b, double share) {
    double o = 1 - share;
    double[] ca = a.contributions();
    double[] cb = b.contributions();
    double[] c = new double[ca.length];
    for (int i = 0; i < c.length; i++) c[i] = ca[i] * share + cb[i] * o;
    return new StepTime(a.gemmComputeSeconds * share + b.gemmComputeSeconds * o,
        a.weightReadSeconds * share + b.weightReadSeconds * o,
        a.prefillAttentionSeconds * share + b.prefillAttentionSeconds * o,
        a.kvReadSeconds * share + b.kvReadSeconds * o,
        a.decodeAttentionComputeSeconds * share + b.decodeAttentionComputeSeconds * o,
        a.communicationSeconds * share + b.communicationSeconds * o,
        a.overheadSeconds * share + b.overheadSeconds * o,
        a.totalSeconds * share + b.totalSeconds * o, largest(c));
  }

  static StepTime of(double gemm, double weights, double prefillAttention, double kvRead,
      double decodeAttention, double communication, double overhead) {
    double total = overhead + Math.max(gemm, weights) + prefillAttention
        + Math.max(kvRead, decodeAttention) + communication;
    StepTime t = new StepTime(gemm, weights, prefillAttention, kvRead, decodeAttention, communication,
        overhead, total, Bottleneck.COMPUTE);
    return new StepTime(gemm, weights, prefillAttention, kvRead, decodeAttention, communication,
        overhead, total, largest(t.contributions()));
  }

  /** What each {@link Bottleneck} adds to the step, in the enum's order. */
  private double[] contributions() {
    double compute = (gemmComputeSeconds >= weightReadSeconds ? gemmComputeSeconds : 0) + prefillAttentionSeconds
        + (decodeAttentionComputeSeconds > kvReadSeconds ? decodeAttentionComputeSeconds : 0);
    double weightPart = weightReadSeconds > gemmComputeSeconds ? weightReadSeconds : 0;
    double kvPart = kvReadSeconds >= decodeAttentionComputeSeconds ? kvReadSeconds : 0;
    return new double[] {compute, weightPart, kvPart, communicationSeconds, overheadSeconds};
  }

  private static Bottleneck largest(double[] c) {
    Bottleneck[] all = Bottleneck.values();
    int best = 0;
    for (int i = 1; i < c.length; i++) if (c[i] > c[best]) best = i;
    return all[best];
  }
}
