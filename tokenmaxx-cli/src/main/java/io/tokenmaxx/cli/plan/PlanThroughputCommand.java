package io.tokenmaxx.cli.plan;

import io.tokenmaxx.plan.Deployment;
import io.tokenmaxx.plan.LatencyTargets;
import io.tokenmaxx.plan.MemoryBreakdown;
import io.tokenmaxx.plan.StepTime;
import io.tokenmaxx.plan.ThroughputEstimate;
import io.tokenmaxx.plan.Workload;
import io.tokenmaxx.plan.catalog.Catalog;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tokenmaxx plan throughput}: one replica's maximum-load throughput, memory and latency. */
@Command(name = "throughput", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Predict one replica's maximum-load throughput, memory use, batch, TTFT and ITL. "
        + "A replica is a tensor-parallel group of --tp GPUs serving one copy of the model.",
    footer = {"", "Example:", "  tokenmaxx plan throughput --model Llama-3.1-8B --gpu H100 --tp 1 --precision fp8 --isl 1000 --osl 1000"})
public final class PlanThroughputCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "NAME", description = "Model from the catalog, e.g. Llama-3.1-8B.")
  String model;

  @Mixin
  DeploymentOptions deployment;

  @Option(names = "--tp", paramLabel = "N", defaultValue = "1", description = "GPUs per replica (tensor parallel; default: ${DEFAULT-VALUE}).")
  int tp;

  @Option(names = "--isl", required = true, paramLabel = "TOKENS", description = "Input (prompt) length per request.")
  int isl;

  @Option(names = "--osl", required = true, paramLabel = "TOKENS", description = "Output length per request.")
  int osl;

  @Option(names = "--cache-share", paramLabel = "SHARE", converter = Amounts.Share.class, defaultValue = "0",
      description = "Share of each prompt served from the prefix cache (0.5 or 50%%; default: 0).")
  double cacheShare;

  @Option(names = "--ttft-ms", paramLabel = "MS", description = "Time-to-first-token target; caps the batch.")
  Double ttftMs;

  @Option(names = "--itl-ms", paramLabel = "MS", description = "Inter-token latency target; caps the batch.")
  Double itlMs;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    Catalog c = common.catalog();
    Deployment d = new Deployment(c.model(model), c.gpu(deployment.gpu), tp, deployment.weights(), deployment.kvCache());
    ThroughputEstimate e = common.planner().throughput(d, new Workload(isl, osl, cacheShare),
        LatencyTargets.ofMillis(ttftMs, itlMs));
    PrintWriter out = spec.commandLine().getOut();
    if (common.json) {
      var view = Json.estimate(e);
      view.put("batch_curve", common.planner().batchCurve(d, e.workload(), 16));
      Json.print(out, view);
    } else {
      print(out, e);
    }
    out.flush();
    return 0;
  }

  static String title(ThroughputEstimate e) {
    Deployment d = e.deployment();
    Workload w = e.workload();
    return String.format(Locale.ROOT, "%s on %d x %s (TP%d), %s weights, %s KV cache; ISL %,d / OSL %,d%s",
        d.model().name(), d.tensorParallel(), d.gpu().name(), d.tensorParallel(), d.weights().id().toUpperCase(Locale.ROOT),
        d.kvCache().id().toUpperCase(Locale.ROOT), w.inputTokens(), w.outputTokens(),
        w.cachedInputFraction() > 0 ? ", " + Fmt.pct(w.cachedInputFraction()) + " of prompt cached" : "");
  }

  static void print(PrintWriter out, ThroughputEstimate e) {
    out.println(title(e));
    out.println();
    out.println("Fit: " + Fmt.label(e.fit()));
    if (e.serves() || e.fit() == io.tokenmaxx.plan.Fit.LATENCY_UNMET) {
      out.println();
      out.println("Maximum-load throughput");
      Table t = new Table("", ">value", "");
      t.row("output tokens/s", Fmt.n(e.outputTokensPerSecond()), "per GPU " + Fmt.n(e.outputTokensPerSecondPerGpu()));
      t.row("input tokens/s", Fmt.n(e.inputTokensPerSecond()), "");
      t.row("requests/s", Fmt.n1(e.requestsPerSecond()), "");
      t.row("batch", Fmt.n(e.concurrency()), "limited by " + Fmt.label(e.limiter())
          + "; KV cache holds " + Fmt.n(e.kvLimitedConcurrency()) + " full sequences");
      t.row("TTFT", Fmt.ms(e.ttftSeconds()), "prompt prefill beside the batch, queueing excluded");
      t.row("ITL", Fmt.ms(e.itlSeconds()), "one engine step");
      t.print(out, "  ");
    }
    printMemory(out, e.memory(), e.deployment());
    if (e.serves()) printStep(out, e.step());
    out.println();
    out.println("Notes:");
    for (String n : e.notes()) out.println("  - " + n);
  }

  private static void printMemory(PrintWriter out, MemoryBreakdown m, Deployment d) {
    out.println();
    out.printf(Locale.ROOT, "Memory per GPU (%s of %s)%n", Fmt.gib(m.totalBytes()), d.gpu().description());
    Table t = new Table("", ">GiB", "");
    t.row("weights", Fmt.n1(m.weightBytes() / io.tokenmaxx.plan.Units.GIB), "");
    t.row("runtime", Fmt.n1(m.runtimeBytes() / io.tokenmaxx.plan.Units.GIB), "CUDA context and graphs, activations, logits");
    t.row("KV cache", Fmt.n1(m.kvCacheBytes() / io.tokenmaxx.plan.Units.GIB), String.format(Locale.ROOT,
        "%,.0f bytes/token, %,d tokens", m.kvBytesPerToken(), m.kvTokenCapacity()));
    t.row("unused", Fmt.n1(m.unusedBytes() / io.tokenmaxx.plan.Units.GIB), "");
    t.print(out, "  ");
  }

  private static void printStep(PrintWriter out, StepTime s) {
    out.println();
    out.printf(Locale.ROOT, "Engine step %s, mostly %s%n", Fmt.ms(s.totalSeconds()), Fmt.label(s.bottleneck()));
    Table t = new Table("", ">ms", "");
    t.row("matrix math", ms(s.gemmComputeSeconds()), "overlaps the weight read: the longer counts");
    t.row("weight read", ms(s.weightReadSeconds()), "");
    t.row("prompt attention", ms(s.prefillAttentionSeconds()), "");
    t.row("KV-cache read", ms(s.kvReadSeconds()), "overlaps decode attention math: the longer counts");
    t.row("decode attention math", ms(s.decodeAttentionComputeSeconds()), "");
    t.row("all-reduce", ms(s.communicationSeconds()), "");
    t.row("step overhead", ms(s.overheadSeconds()), "");
    t.print(out, "  ");
  }

  private static String ms(double seconds) {
    return String.format(Locale.ROOT, "%.2f", seconds * 1000);
  }
}
