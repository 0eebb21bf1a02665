package io.tokenmaxx.plan;

/** Memory of one GPU in a replica: weights, runtime, and what is left for the KV cache. */
final class MemoryModel {
  /** Activations are BF16. */
  static final double ACTIVATION_BYTES = 2;
  /** Logits are kept in FP32 for sampling. */
  static final double LOGIT_BYTES = 4;

  private MemoryModel() {}

  /**
   * This GPU's share of the weights: body parameters at the weight precision; the vocabulary
   * matrices (input embedding, output head) stay at 16 bit, as quantized checkpoints keep them.
   */
  static double weightBytes(Deployment d) {
    ModelSpec m = d.model();
    double body = m.bodyParams() * d.weights().bytes();
    double vocab = (double) m.embeddingMatrices() * m.embeddingParams() * Precision.BF16.bytes();
    return (body + vocab) / d.tensorParallel();
  }

  /** KV cache bytes one token takes on one GPU: layers x elements per layer x KV precision. */
  static double kvBytesPerToken(Deployment d) {
    ModelSpec m = d.model();
    return m.layers() * m.kvElementsPerTokenPerLayer(d.tensorParallel()) * d.kvCache().bytes();
  }

  /**
   * Runtime memory: the profile's fixed reserve plus the activation workspace of the largest step
   * (max tokens per step x (4 x hidden for QKV/attention output/residual + 2 x feed-forward width
   * per GPU) in BF16) plus FP32 logits for a full batch.
   */
  static double runtimeBytes(Deployment d, EngineProfile p) {
    ModelSpec m = d.model();
    int tp = d.tensorParallel();
    double ffn = (double) m.intermediateSize() * (m.isMoe() ? m.expertsPerToken() : 1);
    double activations = p.maxTokensPerStep() * (4.0 * m.hiddenSize() + 2.0 * ffn / tp) * ACTIVATION_BYTES;
    double logits = (double) p.maxBatchSize() * m.vocabSize() / tp * LOGIT_BYTES;
    return p.runtimeReserveGiB() * Units.GIB + activations + logits;
  }

  static MemoryBreakdown of(Deployment d, EngineProfile p) {
    double total = d.gpu().memoryBytes();
    double weights = weightBytes(d);
    double runtime = runtimeBytes(d, p);
    double free = total - weights - runtime;
    double perToken = kvBytesPerToken(d);
    double kv = free > 0 ? free * p.kvCacheFraction() : 0;
    long tokens = (long) Math.floor(kv / perToken);
    return new MemoryBreakdown(total, weights, runtime, kv, perToken, tokens, free > 0);
  }
}
