package io.tokenmaxx.plan;

import java.util.List;

/**
 * What one replica delivers at maximum load (requests always waiting), and why.
 *
 * @param deployment            the replica
 * @param workload              the request shape
 * @param targets               the latency targets applied
 * @param fit                   whether it serves the workload
 * @param limiter               what caps the batch
 * @param concurrency           sequences decoded together at maximum load
 * @param kvLimitedConcurrency  sequences the KV cache holds at full length
 * @param memory                where each GPU's memory goes
 * @param step                  one steady-state step and its parts
 * @param outputTokensPerSecond generated tokens/s of the replica
 * @param inputTokensPerSecond  prompt tokens/s of the replica (cached ones included)
 * @param requestsPerSecond     completed requests/s of the replica
 * @param ttftSeconds           time to first token of a request admitted at this load (queueing excluded)
 * @param itlSeconds            inter-token latency at this load (one step)
 * @param notes                 plain-language explanations: what limits it, what would help
 */
public record ThroughputEstimate(
    Deployment deployment,
    Workload workload,
    LatencyTargets targets,
    Fit fit,
    Limiter limiter,
    int concurrency,
    int kvLimitedConcurrency,
    MemoryBreakdown memory,
    StepTime step,
    double outputTokensPerSecond,
    double inputTokensPerSecond,
    double requestsPerSecond,
    double ttftSeconds,
    double itlSeconds,
    List<String> notes) {

  public ThroughputEstimate {
    notes = List.copyOf(notes);
  }

  /** GPUs in the replica. */
  public int gpus() {
    return deployment.tensorParallel();
  }

  /** Generated tokens/s per GPU. */
  public double outputTokensPerSecondPerGpu() {
    return outputTokensPerSecond / gpus();
  }

  /** Whether the replica serves the workload at all (possibly KV-starved). */
  public boolean serves() {
    return fit == Fit.FITS || fit == Fit.KV_STARVED;
  }
}
