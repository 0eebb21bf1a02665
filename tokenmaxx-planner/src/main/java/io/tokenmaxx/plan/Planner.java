package io.tokenmaxx.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Predicts memory, throughput and latency of a model served on a group of GPUs. Immutable and
 * thread-safe: create one per {@link EngineProfile} and call it from anywhere.
 */
public final class Planner {
  /** Prompts are split into chunks of at least this many tokens when the batch leaves less room. */
  static final int MIN_PREFILL_CHUNK = 256;

  private final EngineProfile profile;

  public Planner(EngineProfile profile) {
    if (profile == null) throw new IllegalArgumentException("engine profile is missing");
    this.profile = profile;
  }

  /** A planner with {@link EngineProfile#DEFAULT}. */
  public static Planner withDefaults() {
    return new Planner(EngineProfile.DEFAULT);
  }

  public EngineProfile profile() {
    return profile;
  }

  /** Where each GPU's memory goes. */
  public MemoryBreakdown memory(Deployment d) {
    return MemoryModel.of(d, profile);
  }

  /** Maximum-load throughput with no latency target. */
  public ThroughputEstimate throughput(Deployment d, Workload w) {
    return throughput(d, w, LatencyTargets.NONE);
  }

  /** Maximum-load throughput, with the batch capped so the latency targets hold. */
  public ThroughputEstimate throughput(Deployment d, Workload w, LatencyTargets targets) {
    Planner p = forWorkload(w);
    return p == this ? estimate(d, w, targets) : p.estimate(d, w, targets);
  }

  /**
   * Without chunked prefill a prompt is prefilled whole, so the engine's step budget grows to
   * hold the longest prompt beside a full batch (as engines do when chunking is off).
   */
  private Planner forWorkload(Workload w) {
    if (profile.chunkedPrefill()) return this;
    long needed = (long) Math.ceil(w.uncachedInputTokens()) + profile.maxBatchSize();
    if (needed <= profile.maxTokensPerStep()) return this;
    return new Planner(profile.withMaxTokensPerStep((int) Math.min(Integer.MAX_VALUE, needed)));
  }

  private ThroughputEstimate estimate(Deployment d, Workload w, LatencyTargets targets) {
    ModelSpec m = d.model();
    MemoryBreakdown mem = memory(d);
    List<String> notes = new ArrayList<>();
    int seqTokens = w.sequenceTokens();
    int kvSeqs = mem.fitsWeights() ? mem.maxSequences(seqTokens) : 0;

    if (seqTokens > m.maxContext()) {
      notes.add(String.format(Locale.ROOT, "ISL+OSL = %,d tokens exceeds the %,d-token context of %s.",
          seqTokens, m.maxContext(), m.name()));
      return none(d, w, targets, mem, kvSeqs, notes);
    }
    if (!mem.fitsWeights()) {
      notes.add(String.format(Locale.ROOT,
          "Does not fit: weights %.1f GiB + runtime %.1f GiB per GPU exceed the %.0f GiB of a %s.%s",
          mem.weightBytes() / Units.GIB, mem.runtimeBytes() / Units.GIB, d.gpu().memoryGiB(),
          d.gpu().name(), suggestion(d, w)));
      return none(d, w, targets, mem, kvSeqs, notes);
    }
    if (kvSeqs < 1) {
      notes.add(String.format(Locale.ROOT,
          "Does not fit: the KV cache (%.1f GiB per GPU) holds %,d tokens, less than one sequence of %,d.%s",
          mem.kvCacheBytes() / Units.GIB, mem.kvTokenCapacity(), seqTokens, suggestion(d, w)));
      return none(d, w, targets, mem, kvSeqs, notes);
    }

    int n = Math.min(kvSeqs, profile.maxBatchSize());
    Limiter limiter = kvSeqs < profile.maxBatchSize() ? Limiter.KV_CACHE : Limiter.MAX_BATCH;
    // The decode batch and the prompt tokens that keep it fed share the per-step token budget.
    double tokensPerSeq = 1 + w.uncachedInputTokens() / w.outputTokens();
    int budget = (int) Math.max(1, Math.floor(profile.maxTokensPerStep() / tokensPerSeq));
    if (budget < n) {
      n = budget;
      limiter = Limiter.STEP_TOKEN_BUDGET;
    }
    Fit fit = Fit.FITS;
    if (targets.any()) {
      int capped = largestMeetingTargets(d, w, targets, n);
      if (capped == 0) {
        fit = Fit.LATENCY_UNMET;
        n = 1;
        notes.add(String.format(Locale.ROOT,
            "Even one sequence misses the latency targets (TTFT %.0f ms, ITL %.1f ms at batch 1).",
            ttft(d, w, 1) * 1000, steady(d, w, 1).totalSeconds() * 1000));
      } else if (capped < n) {
        n = capped;
        limiter = Limiter.LATENCY_TARGET;
      }
    }
    StepTime step = steady(d, w, n);
    double out = n / step.totalSeconds();
    if (fit == Fit.FITS && limiter == Limiter.KV_CACHE && step.bottleneck() == Bottleneck.WEIGHT_READ) {
      fit = Fit.KV_STARVED;
      notes.add(String.format(Locale.ROOT,
          "KV-cache-starved: the cache holds only %,d sequences of %,d tokens, so each step re-reads "
              + "%.1f GiB of weights per GPU for a small batch. More memory per replica (higher TP, "
              + "FP8 KV cache, a larger GPU) or shorter sequences raise tokens/s per GPU.",
          kvSeqs, seqTokens, StepModel.weightBytesRead(d, n) / d.tensorParallel() / Units.GIB));
    }
    notes.add(describe(limiter, n, kvSeqs, step));
    return new ThroughputEstimate(d, w, targets, fit, limiter, n, kvSeqs, mem, step, out,
        out * w.inputTokens() / w.outputTokens(), out / w.outputTokens(), ttft(d, w, n),
        step.totalSeconds(), notes);
  }

  /**
   * Throughput against latency from batch 1 up to the batch the replica reaches at maximum load
   * (about {@code points} batch sizes, spaced geometrically): a chart series. Empty when the
   * deployment does not serve the workload.
   */
  public List<BatchPoint> batchCurve(Deployment d, Workload w, int points) {
    Planner p = forWorkload(w);
    return p == this ? curve(d, w, points) : p.curve(d, w, points);
  }

  private List<BatchPoint> curve(Deployment d, Workload w, int points) {
    ThroughputEstimate max = estimate(d, w, LatencyTargets.NONE);
    List<BatchPoint> out = new ArrayList<>();
    if (!max.serves()) return out;
    int last = 0;
    double ratio = Math.pow(max.concurrency(), 1.0 / Math.max(1, points - 1));
    for (int i = 0; i < points; i++) {
      int n = (int) Math.min(max.concurrency(), Math.round(Math.pow(ratio, i)));
      if (i == points - 1) n = max.concurrency();
      if (n <= last) continue;
      last = n;
      StepTime s = steady(d, w, n);
      out.add(new BatchPoint(n, n / s.totalSeconds(), s.totalSeconds(), ttft(d, w, n)));
    }
    return out;
  }

  /**
   * Steady state with {@code n} sequences decoding: on average n/OSL prompts start per step. A
   * prompt is prefilled in units of {@link #prefillUnit} tokens (the whole prompt, or a chunk
   * that fills the step); when the mean prompt tokens per step are fewer than one unit, only that
   * fraction of steps carries one and the others decode alone. The result is the mean step.
   */
  StepTime steady(Deployment d, Workload w, int n) {
    double starts = (double) n / w.outputTokens();
    double perStep = starts * w.uncachedInputTokens();
    double unit = prefillUnit(w, n);
    if (perStep >= unit || perStep <= 0) {
      return StepModel.step(d, profile, n, n, w.meanDecodeContext(), perStep, w.meanPrefillContext(), starts);
    }
    double share = perStep / unit;
    StepTime with = StepModel.step(d, profile, n, n, w.meanDecodeContext(), unit, w.meanPrefillContext(),
        starts / share);
    StepTime without = StepModel.step(d, profile, n, profile.graphBatch(n), w.meanDecodeContext(), 0, 0, 0);
    return StepTime.mix(with, without, share);
  }

  /** Prompt tokens one step prefills at once: the whole prompt, or with chunked prefill what the budget leaves. */
  double prefillUnit(Workload w, int n) {
    double prompt = Math.max(1, w.uncachedInputTokens());
    if (!profile.chunkedPrefill()) return prompt;
    return Math.min(prompt, Math.max(MIN_PREFILL_CHUNK, profile.maxTokensPerStep() - n));
  }

  /**
   * Time to first token of a request admitted beside {@code n} decoding sequences: its prompt is
   * prefilled in chunks that fill the step's token budget (queueing for admission excluded).
   */
  double ttft(Deployment d, Workload w, int n) {
    double prompt = Math.max(1, w.uncachedInputTokens());
    double chunk = Math.min(prompt, Math.max(MIN_PREFILL_CHUNK, profile.maxTokensPerStep() - n));
    int chunks = (int) Math.ceil(prompt / chunk);
    StepTime s = StepModel.step(d, profile, n, n, w.meanDecodeContext(), chunk, w.meanPrefillContext(),
        1.0 / chunks);
    return chunks * s.totalSeconds();
  }

  /** Largest batch in 1..max whose steady step and TTFT meet the targets; 0 if none. */
  private int largestMeetingTargets(Deployment d, Workload w, LatencyTargets t, int max) {
    int lo = 0;
    int hi = max;
    while (lo < hi) { // both latencies grow with the batch: binary search
      int mid = (lo + hi + 1) >>> 1;
      boolean ok = steady(d, w, mid).totalSeconds() <= t.itlSeconds() && ttft(d, w, mid) <= t.ttftSeconds();
      if (ok) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Smallest tensor-parallel degree (a power of two dividing the attention heads, at most
   * {@code maxTp}) at which the model fits and the KV cache holds one sequence; 0 if none.
   */
  public int minTensorParallel(Deployment d, Workload w, int maxTp) {
    for (int tp = 1; tp <= maxTp; tp *= 2) {
      if (d.model().attentionHeads() % tp != 0) break;
      Deployment t = d.withTensorParallel(tp);
      MemoryBreakdown mem = memory(t);
      if (mem.fitsWeights() && mem.maxSequences(w.sequenceTokens()) >= 1) return tp;
    }
    return 0;
  }

  private String suggestion(Deployment d, Workload w) {
    int tp = minTensorParallel(d, w, 64);
    if (tp > d.tensorParallel()) return " It fits at TP" + tp + ".";
    if (d.weights() != Precision.INT4) return " Try a smaller precision or a larger GPU.";
    return " Try a larger GPU.";
  }

  private static String describe(Limiter limiter, int n, int kvSeqs, StepTime step) {
    String what = switch (limiter) {
      case KV_CACHE -> "the KV cache (" + kvSeqs + " full-length sequences)";
      case MAX_BATCH -> "the engine's max batch size";
      case STEP_TOKEN_BUDGET -> "the per-step token budget (prompt tokens crowd out decode slots)";
      case LATENCY_TARGET -> "the latency targets";
      case NONE -> "nothing";
    };
    return String.format(Locale.ROOT, "Batch of %,d sequences, limited by %s; each step takes %.1f ms, "
        + "mostly %s.", n, what, step.totalSeconds() * 1000,
        step.bottleneck().name().toLowerCase(Locale.ROOT).replace('_', ' '));
  }

  private static ThroughputEstimate none(Deployment d, Workload w, LatencyTargets t, MemoryBreakdown mem,
      int kvSeqs, List<String> notes) {
    return new ThroughputEstimate(d, w, t, Fit.DOES_NOT_FIT, Limiter.NONE, 0, Math.max(0, kvSeqs), mem,
        StepTime.ZERO, 0, 0, 0, 0, 0, notes);
  }
}
