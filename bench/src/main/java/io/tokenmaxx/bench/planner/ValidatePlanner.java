package io.tokenmaxx.bench.planner;

import io.tokenmaxx.plan.Deployment;
import io.tokenmaxx.plan.EngineProfile;
import io.tokenmaxx.plan.Fit;
import io.tokenmaxx.plan.Planner;
import io.tokenmaxx.plan.Precision;
import io.tokenmaxx.plan.ThroughputEstimate;
import io.tokenmaxx.plan.Workload;
import io.tokenmaxx.plan.catalog.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Compares the planner's predicted maximum-load throughput with published measurements and prints
 * the error tables as Markdown: the calibration set (Llama 3.1 8B, TP1) and, separately, the
 * held-out set (Llama 3.3 70B at TP1/TP2, Llama 3.1 405B at TP8). The planner runs with its
 * default constants under the measurements' stated conditions ({@link TrtllmBenchSettings}).
 *
 * <p>Usage: {@code ValidatePlanner [extra.csv ...]}; each CSV (same columns as
 * {@code calibration.csv}) is reported as its own table, so further published rows can be checked
 * without changing code. Exits 1 when a calibration row is off by more than 15 %.
 */
public final class ValidatePlanner {
  static final double TOLERANCE = 0.15;

  record Row(String model, String gpu, int tp, Precision weights, Precision kv, int isl, int osl, double measured) {}

  record Result(Row row, ThroughputEstimate estimate, double error) {}

  public static void main(String[] args) throws IOException {
    Catalog catalog = Catalog.builtIn();
    PrintStream out = System.out;
    List<Row> calibrationRows = parse(resource("calibration.csv"));
    List<Row> heldOutRows = parse(resource("heldout.csv"));
    List<Result> calibration = evaluate(EngineProfile.DEFAULT, catalog, calibrationRows);
    out.println("#### Calibration set: Llama-3.1-8B FP8, TP1, H100 and H200");
    out.println();
    print(out, calibration);
    out.println();
    out.println("#### Held-out set: Llama-3.3-70B FP8 (H200 TP1, H100 TP2) and Llama-3.1-405B FP8 (TP8)");
    out.println();
    print(out, evaluate(EngineProfile.DEFAULT, catalog, heldOutRows));
    out.println();
    robustness(out, catalog, calibrationRows, heldOutRows);
    out.println();
    out.println("#### Predictions at other tensor-parallel degrees (same engine settings; no measurement bundled)");
    out.println();
    out.println("Output tokens/s of the whole TP group; `-` = does not fit; `*` = KV-cache-starved.");
    for (String[] mg : new String[][] {{"Llama-3.3-70B", "H200"}, {"Llama-3.3-70B", "H100"},
        {"Llama-3.1-405B", "H200"}, {"Llama-3.1-405B", "H100"}}) {
      out.println();
      grid(out, catalog, mg[0], mg[1]);
    }
    for (String a : args) {
      out.println();
      out.println("#### " + Path.of(a).getFileName());
      out.println();
      print(out, evaluate(EngineProfile.DEFAULT, catalog, parse(Files.readString(Path.of(a)))));
    }
    boolean ok = calibration.stream().allMatch(r -> Math.abs(r.error()) <= TOLERANCE);
    System.exit(ok ? 0 : 1);
  }

  /** One constant of the profile, how to print it and how to move it. */
  record Knob(String name, String value, UnaryOperator<EngineProfile> low, UnaryOperator<EngineProfile> high) {
    static Knob of(String name, String value, java.util.function.BiFunction<EngineProfile, Double, EngineProfile> move) {
      return new Knob(name, value, p -> move.apply(p, 0.8), p -> move.apply(p, 1.2));
    }
  }

  /** Worst error on each set when one constant is moved by -20 % / +20 %: the fit is not a knife edge. */
  static void robustness(PrintStream out, Catalog catalog, List<Row> calibration, List<Row> heldOut) {
    EngineProfile p = EngineProfile.DEFAULT;
    List<Knob> knobs = List.of(
        Knob.of("GEMM efficiency", "0.58", (q, f) -> q.toBuilder().gemmEfficiency(q.gemmEfficiency() * f).build()),
        Knob.of("GEMM half-efficiency depth", "1,024", (q, f) -> q.toBuilder()
            .gemmHalfDepth((int) Math.round(q.gemmHalfDepth() * f)).build()),
        Knob.of("bandwidth efficiency", "0.89", (q, f) -> q.toBuilder()
            .bandwidthEfficiency(Math.min(1, q.bandwidthEfficiency() * f)).build()),
        Knob.of("overlap sharpness", "2", (q, f) -> q.toBuilder().overlapSharpness(q.overlapSharpness() * f).build()),
        Knob.of("step overhead", "0.5 ms", (q, f) -> q.toBuilder().stepOverheadSeconds(q.stepOverheadSeconds() * f).build()),
        Knob.of("layer overhead", "30 µs", (q, f) -> q.toBuilder().layerOverheadSeconds(q.layerOverheadSeconds() * f).build()),
        Knob.of("all-reduce hop latency", "5 µs", (q, f) -> q.toBuilder()
            .allReduceHopSeconds(q.allReduceHopSeconds() * f).build()),
        Knob.of("interconnect efficiency", "0.85", (q, f) -> q.toBuilder()
            .interconnectEfficiency(Math.min(1, q.interconnectEfficiency() * f)).build()));
    out.println("Worst |error| with one constant moved, all else at its default (calibration / held-out):");
    out.println();
    out.println("| constant | default | x0.8 | x1.2 |");
    out.println("|---|---:|---:|---:|");
    for (Knob k : knobs) {
      out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", k.name(), k.value(),
          worst(k.low().apply(p), catalog, calibration, heldOut), worst(k.high().apply(p), catalog, calibration, heldOut));
    }
  }

  private static String worst(EngineProfile p, Catalog catalog, List<Row> a, List<Row> b) {
    return String.format(Locale.ROOT, "%.1f %% / %.1f %%", maxError(evaluate(p, catalog, a)) * 100,
        maxError(evaluate(p, catalog, b)) * 100);
  }

  private static double maxError(List<Result> results) {
    return results.stream().mapToDouble(r -> Math.abs(r.error())).max().orElse(0);
  }

  static final int[][] SHAPES = {{128, 128}, {128, 2048}, {128, 4096}, {500, 2000}, {1000, 1000},
      {1000, 2000}, {2048, 128}, {2048, 2048}, {5000, 500}, {20000, 2000}};

  static void grid(PrintStream out, Catalog catalog, String model, String gpu) {
    int[] tps = {1, 2, 4, 8};
    out.println("| " + model + " FP8 on " + gpu + " | TP1 | TP2 | TP4 | TP8 |");
    out.println("|---|---:|---:|---:|---:|");
    for (int[] s : SHAPES) {
      StringBuilder b = new StringBuilder("| " + s[0] + "/" + s[1] + " |");
      for (int tp : tps) {
        Deployment d = Deployment.of(catalog.model(model), catalog.gpu(gpu), tp, Precision.FP8);
        Workload w = Workload.of(s[0], s[1]);
        ThroughputEstimate e = new Planner(TrtllmBenchSettings.profile(EngineProfile.DEFAULT, d, w)).throughput(d, w);
        b.append(' ').append(e.serves() ? String.format(Locale.ROOT, "%,.0f%s", e.outputTokensPerSecond(),
            e.fit() == Fit.KV_STARVED ? "*" : "") : "-").append(" |");
      }
      out.println(b);
    }
  }

  static List<Result> evaluate(EngineProfile base, Catalog catalog, List<Row> rows) {
    List<Result> results = new ArrayList<>();
    for (Row r : rows) {
      Deployment d = new Deployment(catalog.model(r.model()), catalog.gpu(r.gpu()), r.tp(), r.weights(), r.kv());
      Workload w = Workload.of(r.isl(), r.osl());
      ThroughputEstimate e = new Planner(TrtllmBenchSettings.profile(base, d, w)).throughput(d, w);
      results.add(new Result(r, e, e.outputTokensPerSecond() / r.measured() - 1));
    }
    return results;
  }

  static void print(PrintStream out, List<Result> results) {
    out.println("| model | GPU | TP | ISL/OSL | measured tok/s | predicted tok/s | error | batch | limited by | step mostly |");
    out.println("|---|---|---:|---|---:|---:|---:|---:|---|---|");
    double sum = 0;
    for (Result x : results) {
      Row r = x.row();
      ThroughputEstimate e = x.estimate();
      out.printf(Locale.ROOT, "| %s | %s | %d | %d/%d | %,.0f | %,.0f | %+.1f %%%s | %d | %s | %s |%n",
          r.model(), r.gpu(), r.tp(), r.isl(), r.osl(), r.measured(), e.outputTokensPerSecond(),
          x.error() * 100, Math.abs(x.error()) > TOLERANCE ? " **(outside ±15 %)**" : "", e.concurrency(),
          label(e.limiter().name()), label(e.step().bottleneck().name()));
      sum += Math.abs(x.error());
    }
    long within = results.stream().filter(x -> Math.abs(x.error()) <= TOLERANCE).count();
    out.println();
    out.printf(Locale.ROOT, "%d rows: mean |error| %.1f %%, max |error| %.1f %%, %d of %d within ±15 %%.%n",
        results.size(), sum / Math.max(1, results.size()) * 100, maxError(results) * 100, within, results.size());
  }

  private static String label(String enumName) {
    return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  static List<Row> parse(String csv) {
    List<Row> rows = new ArrayList<>();
    boolean header = true;
    for (String line : csv.split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) continue;
      if (header) { header = false; continue; }
      String[] f = l.split(",");
      if (f.length != 8) throw new IllegalArgumentException("expected 8 columns: " + l);
      rows.add(new Row(f[0], f[1], Integer.parseInt(f[2]), Precision.parse(f[3]), Precision.parse(f[4]),
          Integer.parseInt(f[5]), Integer.parseInt(f[6]), Double.parseDouble(f[7])));
    }
    return rows;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ValidatePlanner.class.getResourceAsStream(name)) {
      if (in == null) throw new IOException("missing resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
