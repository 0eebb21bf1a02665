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

  static StepTime of(double gemm, double weights, double prefillAttention, double kvRead,
      double decodeAttention, double communication, double overhead) {
    double total = overhead + Math.max(gemm, weights) + prefillAttention
        + Math.max(kvRead, decodeAttention) + communication;
    double compute = (gemm >= weights ? gemm : 0) + prefillAttention
        + (decodeAttention > kvRead ? decodeAttention : 0);
    double weightPart = weights > gemm ? weights : 0;
    double kvPart = kvRead >= decodeAttention ? kvRead : 0;
    Bottleneck b = Bottleneck.COMPUTE;
    double best = compute;
    if (weightPart > best) { b = Bottleneck.WEIGHT_READ; best = weightPart; }
    if (kvPart > best) { b = Bottleneck.KV_CACHE_READ; best = kvPart; }
    if (communication > best) { b = Bottleneck.COMMUNICATION; best = communication; }
    if (overhead > best) { b = Bottleneck.STEP_OVERHEAD; }
    return new StepTime(gemm, weights, prefillAttention, kvRead, decodeAttention, communication,
        overhead, total, b);
  }
}
