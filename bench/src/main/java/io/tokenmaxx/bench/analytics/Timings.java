package io.tokenmaxx.bench.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Wall-clock samples by name, summarized as percentiles (nearest rank). */
final class Timings {
  private final Map<String, List<Double>> samples = new LinkedHashMap<>();

  void add(String name, double millis) {
    samples.computeIfAbsent(name, n -> new ArrayList<>()).add(millis);
  }

  Map<String, List<Double>> all() {
    return samples;
  }

  static double percentile(List<Double> values, double p) {
    double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(a);
    int rank = (int) Math.ceil(p * a.length);
    return a[Math.max(0, Math.min(a.length - 1, rank - 1))];
  }

  /** A markdown table: name, count, p50, p95, max (ms). */
  String table(String what) {
    StringBuilder sb = new StringBuilder("| " + what + " | runs | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|\n");
    samples.forEach((name, v) -> sb.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f |%n", name, v.size(),
        percentile(v, 0.5), percentile(v, 0.95), percentile(v, 1.0))));
    return sb.toString();
  }
}
