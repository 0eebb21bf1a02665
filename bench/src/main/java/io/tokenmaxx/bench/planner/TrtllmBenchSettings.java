package io.tokenmaxx.bench.planner;

import io.tokenmaxx.plan.Deployment;
import io.tokenmaxx.plan.EngineProfile;
import io.tokenmaxx.plan.ModelSpec;
import io.tokenmaxx.plan.Workload;

/**
 * The engine settings {@code trtllm-bench throughput} chooses when it is not given them, as its
 * documentation and source describe: a KV-cache estimate from the checkpoint size and the GPUs'
 * memory sizes the max batch (rounded up, "slightly optimistic") and the max tokens per step
 * (batch x (1 + ISL/OSL)); chunked prefill is off, so the token budget is raised to hold the
 * longest prompt beside a full batch. These are conditions of the measurements, like their KV
 * fraction of 0.95, not fitted values.
 */
final class TrtllmBenchSettings {
  static final double KV_FRACTION = 0.95;
  private static final double GIB = 1024.0 * 1024 * 1024;

  private TrtllmBenchSettings() {}

  static EngineProfile profile(EngineProfile base, Deployment d, Workload w) {
    ModelSpec m = d.model();
    int tp = d.tensorParallel();
    int isl = w.inputTokens();
    int osl = w.outputTokens();
    // Its estimate: every GPU holds at least one KV head; the checkpoint is all parameters at the
    // weight precision; the rest of the group's memory, times the KV fraction, is KV cache.
    double kvGiBPerToken = 2.0 * m.layers() * Math.max(tp, m.kvHeads()) * m.headDim() * d.kvCache().bytes() / GIB;
    double checkpointGiB = m.totalParams() * d.weights().bytes() / GIB;
    double cacheGiB = (d.gpu().memoryGiB() * tp - checkpointGiB) * KV_FRACTION;
    double requests = cacheGiB / (kvGiBPerToken * (isl + osl));
    double batch = Math.min(requests, 4096);
    double tokens = Math.min(batch * (1 + (double) isl / osl), 32768);
    int maxBatch = (int) (batch < 256 ? Math.max(64, 32 * Math.ceil(batch / 32))
        : batch < 1024 ? 128 * Math.ceil(batch / 128) : 256 * Math.ceil(batch / 256));
    int maxTokens = (int) (tokens < 4096 ? Math.max(2048, 256 * Math.ceil(tokens / 256))
        : tokens < 8192 ? 512 * Math.ceil(tokens / 512) : 1024 * Math.ceil(tokens / 1024));
    return base.toBuilder().kvCacheFraction(KV_FRACTION).chunkedPrefill(false).maxBatchSize(maxBatch)
        .maxTokensPerStep(Math.max(maxTokens, isl + maxBatch)).build();
  }
}
