package io.tokenmaxx.plan;

/**
 * Time of one engine step of a replica: a batch of decoding sequences, each adding one token,
 * plus prompt tokens being prefilled in the same step (continuous batching). Everything is per
 * GPU of the tensor-parallel group, which works in lockstep.
 */
final class StepModel {
  /** Bytes of one activation element exchanged in an all-reduce (BF16). */
  static final double ALL_REDUCE_BYTES = 2;

  private StepModel() {}

  /**
   * @param decodeSeqs      sequences producing a token this step
   * @param decodeContext   mean context each of them attends to
   * @param prefillTokens   prompt tokens processed this step (not served from the prefix cache)
   * @param prefillContext  mean context a prompt token attends to
   * @param prefillRequests prompts that finish prefill this step (each samples its first token)
   */
  static StepTime step(Deployment d, EngineProfile p, double decodeSeqs, double decodeContext,
      double prefillTokens, double prefillContext, double prefillRequests) {
    ModelSpec m = d.model();
    GpuSpec g = d.gpu();
    int tp = d.tensorParallel();
    double tokens = decodeSeqs + prefillTokens;
    double gemmRate = g.gemmFlops(d.weights()) * p.mfu();
    double headRate = g.bf16Flops() * p.mfu();
    double attentionRate = g.gemmFlops(d.kvCache()) * p.mfu();
    double bandwidth = g.memoryBandwidth() * p.bandwidthEfficiency();

    // Matrix multiplies: 2 FLOPs per parameter per token; the 16-bit output head runs only for
    // tokens that are sampled (decode tokens and the last token of each prompt).
    double gemm = (2.0 * m.activeBodyParams() * tokens / gemmRate
        + 2.0 * m.embeddingParams() * (decodeSeqs + prefillRequests) / headRate) / tp;
    double weights = weightBytesRead(d, tokens) / tp / bandwidth;

    double attnPerToken = m.layers() * m.attentionFlopsPerContextToken() / tp;
    double prefillAttention = prefillTokens * prefillContext * attnPerToken / attentionRate;
    double kvRead = decodeSeqs * decodeContext * MemoryModel.kvBytesPerToken(d) / bandwidth;
    double decodeAttention = decodeSeqs * decodeContext * attnPerToken / attentionRate;

    double communication = 0;
    if (tp > 1) {
      // Two all-reduces per layer (after attention, after the feed-forward block), ring algorithm:
      // each GPU sends and receives 2 (tp - 1) / tp of the activations.
      double bytes = tokens * m.hiddenSize() * ALL_REDUCE_BYTES;
      double link = g.interconnectBandwidth() * p.interconnectEfficiency();
      communication = 2.0 * m.layers() * (p.allReduceLatencySeconds() + 2.0 * (tp - 1) / tp * bytes / link);
    }
    return StepTime.of(gemm, weights, prefillAttention, kvRead, decodeAttention, communication,
        p.stepOverheadSeconds());
  }

  /**
   * Weight bytes a step reads, whole replica: the shared body always; for a mixture of experts
   * only the experts some token was routed to, E x (1 - (1 - k/E)^tokens) of them per layer when
   * routing is uniform; and the 16-bit output head. The input embedding is a lookup, not a read.
   */
  static double weightBytesRead(Deployment d, double tokens) {
    ModelSpec m = d.model();
    double body;
    if (m.isMoe()) {
      double e = m.experts();
      double touched = e * (1 - Math.pow(1 - m.expertsPerToken() / e, tokens));
      body = m.sharedBodyParams() + touched * m.paramsPerExpert();
    } else {
      body = m.bodyParams();
    }
    return body * d.weights().bytes() + m.embeddingParams() * Precision.BF16.bytes();
  }
}
