package io.tokenmaxx.bench.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway benchmark's load generator (run by {@code bench/gateway/run.sh}, which starts the
 * stand-in, tokenmaxx's gateway and Portkey as their own processes): the same chat-completions
 * requests sent straight to the stand-in, through tokenmaxx and through Portkey, in interleaved
 * rounds: latency at concurrency 1, requests/s at 32 concurrent connections, time to first byte
 * of streams, 1,000 concurrent slow streams held open, and each gateway's peak RSS.
 */
public final class GatewayBenchmark {
  record Target(String name, int port, String path, String[] headers, long pid) {}

  static final String CHAT = "{\"model\":\"bench\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
      + "{\"role\":\"user\",\"content\":\"Say hello to the benchmark in one short sentence.\"}]}";
  static final String STREAM = "{\"model\":\"bench\",\"stream\":true,\"messages\":[{\"role\":\"user\","
      + "\"content\":\"Say hello to the benchmark in one short sentence.\"}]}";
  static final String SLOW = "{\"model\":\"slow-stream\",\"stream\":true,\"messages\":[{\"role\":\"user\","
      + "\"content\":\"Stream slowly.\"}]}";

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new LinkedHashMap<>();
    for (String s : args) {
      int eq = s.indexOf('=');
      a.put(s.substring(2, eq), s.substring(eq + 1));
    }
    int standIn = Integer.parseInt(a.get("standin-port"));
    List<Target> targets = new ArrayList<>();
    targets.add(new Target("direct (stand-in)", standIn, "/v1/chat/completions",
        new String[] {"Authorization: Bearer sk-bench"}, Long.parseLong(a.get("standin-pid"))));
    targets.add(new Target("tokenmaxx gateway", Integer.parseInt(a.get("gateway-port")), "/openai/v1/chat/completions",
        new String[] {"Authorization: Bearer " + a.get("gateway-key")}, Long.parseLong(a.get("gateway-pid"))));
    if (a.containsKey("portkey-port")) {
      targets.add(new Target("Portkey 1.15.2", Integer.parseInt(a.get("portkey-port")), "/v1/chat/completions",
          new String[] {"x-portkey-provider: openai", "x-portkey-custom-host: http://127.0.0.1:" + standIn + "/v1",
              "Authorization: Bearer sk-bench"}, Long.parseLong(a.get("portkey-pid"))));
    }
    int n = Integer.parseInt(a.getOrDefault("requests", "20000"));
    int seconds = Integer.parseInt(a.getOrDefault("seconds", "10"));
    int streams = Integer.parseInt(a.getOrDefault("streams", "1000"));
    int rounds = Integer.parseInt(a.getOrDefault("rounds", "2"));
    long gapMs = Long.parseLong(a.getOrDefault("gap-ms", "500"));
    Path out = Path.of(a.getOrDefault("out", "bench/out/gateway"));
    Files.createDirectories(out);

    Map<String, List<double[]>> lat = new LinkedHashMap<>();
    Map<String, List<Double>> rps = new LinkedHashMap<>();
    Map<String, List<double[]>> ttfb = new LinkedHashMap<>();
    Map<String, List<String>> held = new LinkedHashMap<>();
    if ("hold".equals(a.get("only"))) { // streams held open only (a quick look at that one figure)
      for (Target t : targets) System.out.println(t.name() + ": " + hold(t, streams, gapMs) + ", peak RSS " + rss(t.pid()) + " MiB");
      return;
    }
    for (int round = 1; round <= rounds; round++) {
      for (Target t : targets) {
        System.err.printf("round %d: %s%n", round, t.name());
        lat.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(latency(t, CHAT, n));
        rps.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(throughput(t, 32, seconds));
        double[] f;
        try {
          f = latency(t, STREAM, Math.max(500, n / 5));
        } catch (IOException e) {
          System.err.println(t.name() + ": streams fail: " + e.getMessage());
          f = new double[] {Double.NaN, Double.NaN};
        }
        ttfb.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(f);
        if (round == rounds) held.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(hold(t, streams, gapMs));
      }
    }
    StringBuilder md = new StringBuilder();
    double[] direct = median(lat.get(targets.get(0).name()));
    double[] directTtfb = median(ttfb.get(targets.get(0).name()));
    double directRps = medianD(rps.get(targets.get(0).name()));
    md.append(String.format(Locale.ROOT, "| | p50 µs | p99 µs | added p50 µs | added p99 µs | requests/s at 32 | "
        + "stream first byte p50 µs | added first byte µs | %d streams held open | peak RSS MiB |%n", streams));
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|\n");
    double gatewayRps = 0;
    double portkeyRps = 0;
    for (Target t : targets) {
      double[] l = median(lat.get(t.name()));
      double[] f = median(ttfb.get(t.name()));
      double r = medianD(rps.get(t.name()));
      if (t.name().startsWith("tokenmaxx")) gatewayRps = r;
      if (t.name().startsWith("Portkey")) portkeyRps = r;
      boolean isDirect = t == targets.get(0);
      boolean streamsFail = Double.isNaN(f[0]);
      md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %s | %s | %.0f | %s | %s | %s | %s |%n", t.name(), l[0], l[1],
          isDirect ? "—" : String.format(Locale.ROOT, "%+.0f", l[0] - direct[0]),
          isDirect ? "—" : String.format(Locale.ROOT, "%+.0f", l[1] - direct[1]), r,
          streamsFail ? "fails" : String.format(Locale.ROOT, "%.0f", f[0]),
          isDirect ? "—" : streamsFail ? "—" : String.format(Locale.ROOT, "%+.0f", f[0] - directTtfb[0]),
          held.get(t.name()).get(0), rss(t.pid())));
    }
    md.append(String.format(Locale.ROOT, "%nrequests/s: tokenmaxx / Portkey = %.1fx; tokenmaxx / direct = %.2f%n",
        portkeyRps == 0 ? Double.NaN : gatewayRps / portkeyRps, gatewayRps / directRps));
    md.append(String.format(Locale.ROOT, "rounds per figure: %d (median); %d requests per latency run; %d s per throughput run; "
        + "streams held: %d chunks %d ms apart%n", rounds, n, seconds, 10, gapMs));
    System.out.print(md);
    Files.writeString(out.resolve("results.md"), md.toString());
  }

  static double[] median(List<double[]> xs) {
    List<double[]> s = new ArrayList<>(xs);
    s.removeIf(x -> Double.isNaN(x[0]));
    if (s.isEmpty()) return new double[] {Double.NaN, Double.NaN};
    s.sort((x, y) -> Double.compare(x[0], y[0]));
    return s.get(s.size() / 2);
  }

  static double medianD(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(Double::compare);
    return s.get(s.size() / 2);
  }

  /** p50 and p99 in microseconds of {@code n} sequential requests on one connection (after a warm-up). */
  static double[] latency(Target t, String body, int n) throws IOException {
    byte[] req = RawHttp.request(t.path(), "127.0.0.1:" + t.port(), t.headers(), body);
    boolean stream = body.contains("\"stream\":true");
    try (RawHttp c = new RawHttp("127.0.0.1", t.port())) {
      for (int i = 0; i < Math.max(2000, n / 4); i++) c.exchange(req);
      long[] ns = new long[n];
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        c.exchange(req);
        ns[i] = (stream ? c.firstBodyByte : System.nanoTime()) - t0;
      }
      Arrays.sort(ns);
      return new double[] {ns[n / 2] / 1e3, ns[(int) (n * 0.99)] / 1e3};
    }
  }

  static double throughput(Target t, int clients, int seconds) throws Exception {
    byte[] req = RawHttp.request(t.path(), "127.0.0.1:" + t.port(), t.headers(), CHAT);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong done = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    try (var exec = Executors.newFixedThreadPool(clients)) {
      List<Future<?>> fs = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        fs.add(exec.submit(() -> {
          try (RawHttp c = new RawHttp("127.0.0.1", t.port())) {
            while (!stop.get()) {
              try {
                c.exchange(req);
                done.incrementAndGet();
              } catch (IOException e) {
                errors.incrementAndGet();
                return null;
              }
            }
          }
          return null;
        }));
      }
      Thread.sleep(2_000);
      long start = done.get();
      long t0 = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      long count = done.get() - start;
      double secs = (System.nanoTime() - t0) / 1e9;
      stop.set(true);
      for (Future<?> f : fs) f.get();
      if (errors.get() > 0) System.err.println(t.name() + ": " + errors.get() + " connections failed");
      return count / secs;
    }
  }

  /** Opens {@code streams} slow streams at once; each must finish with no gap over 3x the stand-in's. */
  static String hold(Target t, int streams, long gapMs) throws Exception {
    byte[] req = RawHttp.request(t.path(), "127.0.0.1:" + t.port(), t.headers(), SLOW);
    long[] maxGap = new long[streams];
    boolean[] ok = new boolean[streams];
    CountDownLatch go = new CountDownLatch(1);
    long t0;
    try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> fs = new ArrayList<>();
      for (int i = 0; i < streams; i++) {
        int idx = i;
        fs.add(exec.submit(() -> {
          go.await();
          try (RawHttp c = new RawHttp("127.0.0.1", t.port())) {
            long[] last = {0};
            c.exchange(req, now -> {
              if (last[0] != 0) maxGap[idx] = Math.max(maxGap[idx], now - last[0]);
              last[0] = now;
            });
            ok[idx] = true;
          } catch (IOException e) {
            ok[idx] = false;
          }
          return null;
        }));
      }
      t0 = System.nanoTime();
      go.countDown();
      for (Future<?> f : fs) f.get();
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    int completed = 0;
    int stalled = 0;
    long worst = 0;
    for (int i = 0; i < streams; i++) {
      if (ok[i]) completed++;
      if (maxGap[i] > gapMs * 3_000_000L) stalled++;
      worst = Math.max(worst, maxGap[i]);
    }
    return String.format(Locale.ROOT, "%d/%d done in %.1f s, %d stalled, longest gap %.0f ms", completed, streams, wall,
        stalled, worst / 1e6);
  }

  static String rss(long pid) {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (l.startsWith("VmHWM:")) {
          long kb = Long.parseLong(l.replaceAll("[^0-9]", ""));
          return String.format(Locale.ROOT, "%.0f", kb / 1024.0);
        }
      }
    } catch (IOException e) {
      return "?";
    }
    return "?";
  }
}
