package io.tokenmaxx.plan;

/**
 * One replica of a model: a tensor-parallel group of GPUs serving one copy of the weights.
 *
 * @param model          the model
 * @param gpu            the GPU every member of the group has
 * @param tensorParallel GPUs in the group (1, 2, 4, 8, ...); it must divide the attention heads
 * @param weights        precision the weights are stored in
 * @param kvCache        precision the KV cache is stored in
 */
public record Deployment(ModelSpec model, GpuSpec gpu, int tensorParallel, Precision weights, Precision kvCache) {

  public Deployment {
    if (model == null) throw new IllegalArgumentException("model is missing");
    if (gpu == null) throw new IllegalArgumentException("gpu is missing");
    if (weights == null) throw new IllegalArgumentException("weight precision is missing");
    if (kvCache == null) kvCache = weights == Precision.INT4 ? Precision.FP8 : weights;
    if (tensorParallel < 1) {
      throw new IllegalArgumentException("tensor parallel degree must be >= 1, was " + tensorParallel);
    }
    if (model.attentionHeads() % tensorParallel != 0) {
      throw new IllegalArgumentException("tensor parallel degree " + tensorParallel + " does not divide the "
          + model.attentionHeads() + " attention heads of " + model.name());
    }
  }

  /** KV cache at the weights' precision (INT4 weights keep an FP8 cache). */
  public static Deployment of(ModelSpec model, GpuSpec gpu, int tensorParallel, Precision weights) {
    return new Deployment(model, gpu, tensorParallel, weights, null);
  }

  public Deployment withTensorParallel(int tp) {
    return new Deployment(model, gpu, tp, weights, kvCache);
  }

  public Deployment withGpu(GpuSpec g) {
    return new Deployment(model, g, tensorParallel, weights, kvCache);
  }
}
