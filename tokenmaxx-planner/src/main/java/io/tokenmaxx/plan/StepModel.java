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
   * @param gemmDecodeSeqs  rows the matrix multiplies and all-reduces process for them: more than
   *                        {@code decodeSeqs} when a decode-only step replays a CUDA graph captured
   *                        for a larger batch ({@link EngineProfile#graphBatch})
   * @param decodeContext   mean context each of them attends to
   * @param prefillTokens   prompt tokens processed this step (not served from the prefix cache)
   * @param prefillContext  mean context a prompt token attends to
   * @param prefillRequests prompts that finish prefill this step (each samples its first token)
   */
  static StepTime step(Deployment d, EngineProfile p, double decodeSeqs, double gemmDecodeSeqs,
      double decodeContext, double prefillTokens, double prefillContext, double prefillRequests) {
    ModelSpec m = d.model();
    GpuSpec g = d.gpu();
    int tp = d.tensorParallel();
    double tokens = decodeSeqs + prefillTokens;
    double rows = gemmDecodeSeqs + prefillTokens;
    double gemmRate = g.gemmFlops(d.weights()) * gemmEfficiency(d, p);
    double headRate = g.bf16Flops() * p.gemmEfficiency(m.hiddenSize());
    double attentionRate = g.gemmFlops(d.kvCache()) * p.gemmEfficiency();
    double bandwidth = g.memoryBandwidth() * p.bandwidthEfficiency();

    // Matrix multiplies: 2 FLOPs per parameter per row; the 16-bit output head runs only for
    // tokens that are sampled (decode tokens and the last token of each prompt). Their math and
    // the weight read overlap, imperfectly near the ridge point.
    double math = (2.0 * m.activeBodyParams() * rows / gemmRate
        + 2.0 * m.embeddingParams() * (gemmDecodeSeqs + prefillRequests) / headRate) / tp;
    double read = weightBytesRead(d, tokens) / tp / bandwidth;
    double both = p.overlap(math, read);
    double gemm = math >= read ? both : math;
    double weights = math >= read ? read : both;

    double attnPerToken = m.layers() * m.attentionFlopsPerContextToken() / tp;
    double prefillAttention = prefillTokens * prefillContext * attnPerToken / attentionRate;
    double kvRead = decodeSeqs * decodeContext * MemoryModel.kvBytesPerToken(d) / bandwidth;
    double decodeAttention = decodeSeqs * decodeContext * attnPerToken / attentionRate;

    double communication = 0;
    if (tp > 1) {
      // Two all-reduces per layer (after attention, after the feed-forward block), ring algorithm:
      // 2 (tp - 1) steps, each with a hop latency, in which every GPU sends and receives
      // 2 (tp - 1) / tp of the activations in all.
      double bytes = rows * m.hiddenSize() * ALL_REDUCE_BYTES;
      double link = g.interconnectBandwidth() * p.interconnectEfficiency();
      double hops = 2.0 * (tp - 1);
      communication = 2.0 * m.layers() * (hops * p.allReduceHopSeconds() + hops / tp * bytes / link);
    }
    return StepTime.of(gemm, weights, prefillAttention, kvRead, decodeAttention, communication,
        p.stepOverheadSeconds() + m.layers() * p.layerOverheadSeconds());
  }

  /**
   * Efficiency of a layer's matrix multiplies on one GPU of the group: each of QKV projection,
   * attention output, gate/up and down projection runs at {@link EngineProfile#gemmEfficiency(double)}
   * of its per-GPU reduction length (the hidden size; the attention width / tp; the hidden size;
   * the feed-forward width / tp), weighted by its FLOPs. Sharding the attention output and the down
   * projection across the group shortens their reductions, so wide tensor parallelism costs some
   * efficiency.
   */
  static double gemmEfficiency(Deployment d, EngineProfile p) {
    ModelSpec m = d.model();
    double tp = d.tensorParallel();
    double h = m.hiddenSize();
    double q = (double) m.attentionHeads() * m.headDim() / tp;
    double o = (double) m.attentionHeads() * m.vHeadDim() / tp;
    double kv = 2.0 * m.kvHeads() * m.headDim() / tp;
    double ffn = m.intermediateSize() / tp;
    double routed = m.isMoe() ? m.expertsPerToken() : 1;
    double[] depth = {h, o, h, ffn};
    double[] flops = {h * (q + kv), o * h, h * 2 * ffn * routed, ffn * h * routed};
    double total = 0;
    double time = 0;
    for (int i = 0; i < depth.length; i++) {
      total += flops[i];
      time += flops[i] / p.gemmEfficiency(depth[i]);
    }
    return total / time;
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
