package io.tokenmaxx.plan;

/**
 * Where one GPU's memory goes. All byte figures are per GPU of the tensor-parallel group.
 *
 * @param totalBytes       device memory
 * @param weightBytes      this GPU's share of the weights (vocabulary matrices kept at 16 bit)
 * @param runtimeBytes     CUDA context, CUDA graphs, allocator slack and activation workspace
 * @param kvCacheBytes     memory given to the KV cache
 * @param kvBytesPerToken  KV cache one token takes on this GPU
 * @param kvTokenCapacity  tokens the KV cache holds
 * @param fitsWeights      whether weights and runtime fit at all
 */
public record MemoryBreakdown(
    double totalBytes,
    double weightBytes,
    double runtimeBytes,
    double kvCacheBytes,
    double kvBytesPerToken,
    long kvTokenCapacity,
    boolean fitsWeights) {

  /** Memory neither weights, runtime nor KV cache use (the part the KV fraction leaves free). */
  public double unusedBytes() {
    return Math.max(0, totalBytes - weightBytes - runtimeBytes - kvCacheBytes);
  }

  /** Sequences of {@code tokens} tokens each that the KV cache holds at once. */
  public int maxSequences(int tokens) {
    return (int) Math.min(Integer.MAX_VALUE, kvTokenCapacity / tokens);
  }
}
