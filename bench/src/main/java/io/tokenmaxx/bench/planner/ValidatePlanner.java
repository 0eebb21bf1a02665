package io.tokenmaxx.bench.planner;

import io.tokenmaxx.plan.Deployment;
import io.tokenmaxx.plan.EngineProfile;
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

/**
 * Compares the planner's predicted maximum-load throughput with published measurements and prints
 * the error table as Markdown. The planner runs with its default engine profile; only the
 * KV-cache memory fraction is set to the value the measurements state (0.95).
 *
 * <p>Usage: {@code ValidatePlanner [extra.csv ...]}; each CSV (same columns as the built-in
 * {@code calibration.csv}) is reported as its own held-out table, so published rows for other
 * models and TP degrees can be checked without changing code. Also prints predictions for
 * Llama 70B / 405B at TP1-TP8 to compare with such rows. Exits 1 when a row of the calibration
 * set is off by more than 15 %.
 */
public final class ValidatePlanner {
  static final double TOLERANCE = 0.15;

  record Row(String model, String gpu, int tp, Precision weights, Precision kv, int isl, int osl, double measured) {}

  record Result(Row row, ThroughputEstimate estimate, double error) {}

  public static void main(String[] args) throws IOException {
    Planner planner = new Planner(EngineProfile.DEFAULT.withKvCacheFraction(0.95));
    Catalog catalog = Catalog.builtIn();
    PrintStream out = System.out;
    List<Result> calibration = evaluate(planner, catalog, parse(resource("calibration.csv")));
    out.println("#### Calibration set: Llama-3.1-8B FP8, TP1, H100 and H200 (TensorRT-LLM perf overview)");
    out.println();
    print(out, calibration);
    boolean ok = calibration.stream().allMatch(r -> Math.abs(r.error()) <= TOLERANCE);
    out.println();
    robustness(out, catalog, parse(resource("calibration.csv")));
    out.println();
    out.println("#### Predictions for larger models and tensor parallelism (no measurement bundled)");
    out.println();
    out.println("Output tokens/s of the whole TP group, same engine settings; `-` = does not fit; `*` = KV-cache-starved.");
    for (String[] mg : new String[][] {{"Llama-3.3-70B", "H200"}, {"Llama-3.3-70B", "H100"},
        {"Llama-3.1-405B", "H200"}, {"Llama-3.1-405B", "H100"}}) {
      out.println();
      grid(out, planner, catalog, mg[0], mg[1]);
    }
    for (String a : args) {
      out.println();
      out.println("#### " + Path.of(a).getFileName());
      out.println();
      print(out, evaluate(planner, catalog, parse(Files.readString(Path.of(a)))));
    }
    System.exit(ok ? 0 : 1);
  }

  /** Worst calibration error when one global constant is moved by -20 % / +20 %: the fit is not a knife edge. */
  static void robustness(PrintStream out, Catalog catalog, List<Row> rows) {
    EngineProfile p = EngineProfile.DEFAULT.withKvCacheFraction(0.95);
    out.println("Worst calibration error with one constant moved, all else at its default:");
    out.println();
    out.println("| constant | default | x0.8 | x1.2 |");
    out.println("|---|---:|---:|---:|");
    String[] names = {"mfu", "bandwidth efficiency", "step overhead", "max batch size"};
    String[] defaults = {"0.50", "0.80", "0.5 ms", "512"};
    for (int i = 0; i < names.length; i++) {
      StringBuilder b = new StringBuilder("| " + names[i] + " | " + defaults[i] + " |");
      for (double f : new double[] {0.8, 1.2}) {
        EngineProfile q = switch (i) {
          case 0 -> p.withEfficiency(p.mfu() * f, p.bandwidthEfficiency());
          case 1 -> p.withEfficiency(p.mfu(), Math.min(1, p.bandwidthEfficiency() * f));
          case 2 -> new EngineProfile(p.mfu(), p.bandwidthEfficiency(), p.stepOverheadSeconds() * f, p.maxBatchSize(),
              p.maxTokensPerStep(), p.kvCacheFraction(), p.runtimeReserveGiB(), p.allReduceLatencySeconds(),
              p.interconnectEfficiency());
          default -> p.withMaxBatchSize((int) Math.round(p.maxBatchSize() * f));
        };
        double worst = evaluate(new Planner(q), catalog, rows).stream().mapToDouble(r -> Math.abs(r.error())).max().orElse(0);
        b.append(String.format(Locale.ROOT, " %.1f %% |", worst * 100));
      }
      out.println(b);
    }
  }

  static final int[][] SHAPES = {{128, 128}, {128, 2048}, {128, 4096}, {500, 2000}, {1000, 1000},
      {1000, 2000}, {2048, 128}, {2048, 2048}, {5000, 500}, {20000, 2000}};

  static void grid(PrintStream out, Planner planner, Catalog catalog, String model, String gpu) {
    int[] tps = {1, 2, 4, 8};
    out.println("| " + model + " FP8 on " + gpu + " | TP1 | TP2 | TP4 | TP8 |");
    out.println("|---|---:|---:|---:|---:|");
    for (int[] s : SHAPES) {
      StringBuilder b = new StringBuilder("| " + s[0] + "/" + s[1] + " |");
      for (int tp : tps) {
        ThroughputEstimate e = planner.throughput(
            Deployment.of(catalog.model(model), catalog.gpu(gpu), tp, Precision.FP8), Workload.of(s[0], s[1]));
        b.append(' ').append(e.serves() ? String.format(Locale.ROOT, "%,.0f%s", e.outputTokensPerSecond(),
            e.fit() == io.tokenmaxx.plan.Fit.KV_STARVED ? "*" : "") : "-").append(" |");
      }
      out.println(b);
    }
  }

  static List<Result> evaluate(Planner planner, Catalog catalog, List<Row> rows) {
    List<Result> results = new ArrayList<>();
    for (Row r : rows) {
      Deployment d = new Deployment(catalog.model(r.model()), catalog.gpu(r.gpu()), r.tp(), r.weights(), r.kv());
      ThroughputEstimate e = planner.throughput(d, Workload.of(r.isl(), r.osl()));
      results.add(new Result(r, e, e.outputTokensPerSecond() / r.measured() - 1));
    }
    return results;
  }

  static void print(PrintStream out, List<Result> results) {
    out.println("| model | GPU | TP | ISL/OSL | measured tok/s | predicted tok/s | error | batch | limited by | step mostly |");
    out.println("|---|---|---:|---|---:|---:|---:|---:|---|---|");
    double max = 0;
    double sum = 0;
    for (Result x : results) {
      Row r = x.row();
      ThroughputEstimate e = x.estimate();
      out.printf(Locale.ROOT, "| %s | %s | %d | %d/%d | %,.0f | %,.0f | %+.1f %% | %d | %s | %s |%n",
          r.model(), r.gpu(), r.tp(), r.isl(), r.osl(), r.measured(), e.outputTokensPerSecond(),
          x.error() * 100, e.concurrency(), label(e.limiter().name()), label(e.step().bottleneck().name()));
      max = Math.max(max, Math.abs(x.error()));
      sum += Math.abs(x.error());
    }
    long within = results.stream().filter(x -> Math.abs(x.error()) <= TOLERANCE).count();
    out.println();
    out.printf(Locale.ROOT, "%d rows: mean |error| %.1f %%, max |error| %.1f %%, %d of %d within ±15 %%.%n",
        results.size(), sum / Math.max(1, results.size()) * 100, max * 100, within, results.size());
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
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
