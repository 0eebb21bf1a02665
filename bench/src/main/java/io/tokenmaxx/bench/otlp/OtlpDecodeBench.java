package io.tokenmaxx.bench.otlp;

import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.tokenmaxx.collect.otlp.ContentType;
import io.tokenmaxx.collect.otlp.OtlpBatch;
import io.tokenmaxx.collect.otlp.OtlpDecoder;
import io.tokenmaxx.collect.otlp.Signal;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Single-threaded OTLP decoding throughput (no JMH: a warm-up, then timed one-second rounds, the
 * median reported). Rates are per second of the process's CPU time (all threads, GC and JIT
 * included), which stays meaningful on a machine shared with other work; wall-clock records/s is
 * shown too. For each workload and encoding it measures the full {@link OtlpDecoder}
 * (bytes to records) and, as references in the same run, parsing alone: protobuf's generated
 * {@code parseFrom} for protobuf, and for JSON both tokenmaxx's OTLP/JSON reader inside the
 * decoder and protobuf's own {@code JsonFormat} parser (which cannot read OTLP/JSON's hex ids
 * correctly, but is the library alternative).
 *
 * <p>Run: {@code bench/otlp-decode.sh} (prints a Markdown table).
 */
public final class OtlpDecodeBench {
  private static final Clock CLOCK = Clock.fixed(Workloads.T0.minusSeconds(3600), ZoneOffset.UTC)
      .withZone(ZoneOffset.UTC);
  private static final long WARMUP_NANOS = 2_000_000_000L;
  private static final long ROUND_NANOS = 1_000_000_000L;
  private static final int ROUNDS = 5;
  private static volatile long sink;

  private OtlpDecodeBench() {}

  interface Op {
    /** Decodes once; returns the number of records produced (or items parsed). */
    long run() throws Exception;
  }

  /** Rates per second of this process's CPU time (all its threads: GC and JIT included). */
  record Result(String workload, String encoding, String what, double itemsPerSec,
      double recordsPerSec, double mbPerSec, double wallRecordsPerSec) {}

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
          .getOperatingSystemMXBean();

  public static void main(String[] args) throws Exception {
    List<Result> results = new ArrayList<>();
    ExportLogsServiceRequest logs = Workloads.claudeLogs(512, "L");
    ExportMetricsServiceRequest metrics = Workloads.claudeMetrics(64, "M");
    ExportTraceServiceRequest spans = Workloads.genAiSpans(512);
    List<ExportMetricsServiceRequest> cumulative = new ArrayList<>();
    for (int k = 0; k < 30; k++) cumulative.add(Workloads.genAiCumulative(32, k));

    bench(results, "Claude Code api_request logs", Signal.LOGS, List.of(logs),
        ExportLogsServiceRequest::newBuilder, false);
    bench(results, "Claude Code delta metrics", Signal.METRICS, List.of(metrics),
        ExportMetricsServiceRequest::newBuilder, false);
    bench(results, "GenAI cumulative histograms", Signal.METRICS, cumulative,
        ExportMetricsServiceRequest::newBuilder, true);
    bench(results, "GenAI spans", Signal.TRACES, List.of(spans),
        ExportTraceServiceRequest::newBuilder, false);

    System.out.printf(Locale.ROOT, "%n| workload | encoding | measured | items per CPU-s"
        + " | records per CPU-s | MB per CPU-s | records/s wall |%n");
    System.out.println("|---|---|---|---:|---:|---:|---:|");
    for (Result r : results) {
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %,.0f | %s | %.1f | %s |%n", r.workload(),
          r.encoding(), r.what(), r.itemsPerSec(), rate(r.recordsPerSec()), r.mbPerSec(),
          rate(r.wallRecordsPerSec()));
    }
    System.out.println();
    System.out.println("java " + System.getProperty("java.version") + ", "
        + Runtime.getRuntime().availableProcessors() + " cpus");
  }

  private static void bench(List<Result> results, String workload, Signal signal,
      List<? extends Message> requests, Supplier<Message.Builder> builders, boolean stateful)
      throws Exception {
    int items = 0;
    List<byte[]> pb = new ArrayList<>();
    List<byte[]> json = new ArrayList<>();
    List<byte[]> gzipped = new ArrayList<>();
    JsonFormat.Printer printer = JsonFormat.printer().printingEnumsAsInts()
        .omittingInsignificantWhitespace();
    for (Message m : requests) {
      items += Workloads.items(m);
      pb.add(m.toByteArray());
      json.add(otlpJson(printer.print(m)).getBytes(StandardCharsets.UTF_8));
      gzipped.add(gzip(m.toByteArray()));
    }
    int perRequest = items / requests.size();
    long pbBytes = pb.stream().mapToLong(b -> b.length).sum() / pb.size();
    long jsonBytes = json.stream().mapToLong(b -> b.length).sum() / json.size();

    int[] next = {0};
    OtlpDecoder[] decoder = {newDecoder()};
    Op decodePb = () -> decode(decoder, next, pb, signal, ContentType.PROTOBUF, false, stateful);
    Op decodeGz = () -> decode(decoder, next, gzipped, signal, ContentType.PROTOBUF, true,
        stateful);
    Op decodeJson = () -> decode(decoder, next, json, signal, ContentType.JSON, false, stateful);
    Op parsePb = () -> {
      byte[] b = pb.get(next[0]++ % pb.size());
      return builders.get().mergeFrom(b).build().getSerializedSize() > 0 ? perRequest : 0;
    };
    JsonFormat.Parser jsonFormat = JsonFormat.parser().ignoringUnknownFields();
    Op parseJsonFormat = () -> {
      byte[] b = json.get(next[0]++ % json.size());
      Message.Builder builder = builders.get();
      jsonFormat.merge(new String(b, StandardCharsets.UTF_8), builder);
      return builder.build().getSerializedSize() > 0 ? perRequest : 0;
    };

    results.add(measure(workload, "protobuf", "OtlpDecoder.decode (bytes to records)",
        perRequest, pbBytes, decodePb, true));
    results.add(measure(workload, "protobuf+gzip", "OtlpDecoder.decode (bytes to records)",
        perRequest, pbBytes, decodeGz, true));
    results.add(measure(workload, "protobuf", "reference: protobuf parseFrom only", perRequest,
        pbBytes, parsePb, false));
    results.add(measure(workload, "JSON", "OtlpDecoder.decode (bytes to records)", perRequest,
        jsonBytes, decodeJson, true));
    results.add(measure(workload, "JSON", "reference: protobuf JsonFormat parse only",
        perRequest, jsonBytes, parseJsonFormat, false));
  }

  private static String rate(double r) {
    return r < 0 ? "-" : String.format(Locale.ROOT, "%,.0f", r);
  }

  private static OtlpDecoder newDecoder() {
    return OtlpDecoder.builder().clock(CLOCK).build();
  }

  private static long decode(OtlpDecoder[] decoder, int[] next, List<byte[]> bodies,
      Signal signal, ContentType type, boolean gzip, boolean stateful) throws Exception {
    int i = next[0]++ % bodies.size();
    if (stateful && i == 0) decoder[0] = newDecoder(); // each pass starts with fresh series
    OtlpBatch batch = decoder[0].decode(signal, bodies.get(i), type, gzip);
    if (batch.rejected() > 0) throw new IllegalStateException(batch.errorMessage());
    return batch.usage().size() + batch.outcomes().size();
  }

  private static Result measure(String workload, String encoding, String what, int items,
      long bytes, Op op, boolean countsRecords) throws Exception {
    long end = System.nanoTime() + WARMUP_NANOS;
    while (System.nanoTime() < end) sink += op.run();
    double[] itemRates = new double[ROUNDS];
    double[] recordRates = new double[ROUNDS];
    double[] wallRates = new double[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      long calls = 0;
      long records = 0;
      long cpu0 = OS.getProcessCpuTime();
      long t0 = System.nanoTime();
      long stop = t0 + ROUND_NANOS;
      long now;
      do {
        records += op.run();
        calls++;
        now = System.nanoTime();
      } while (now < stop);
      double cpuSeconds = (OS.getProcessCpuTime() - cpu0) / 1e9;
      double wallSeconds = (now - t0) / 1e9;
      itemRates[round] = calls * items / cpuSeconds;
      recordRates[round] = records / cpuSeconds;
      wallRates[round] = records / wallSeconds;
    }
    Arrays.sort(itemRates);
    Arrays.sort(recordRates);
    Arrays.sort(wallRates);
    double itemsPerSec = itemRates[ROUNDS / 2];
    double callsPerSec = itemsPerSec / items;
    sink += (long) itemsPerSec;
    return new Result(workload, encoding, what, itemsPerSec,
        countsRecords ? recordRates[ROUNDS / 2] : -1, callsPerSec * bytes / 1e6,
        countsRecords ? wallRates[ROUNDS / 2] : -1);
  }

  private static final Pattern ID = Pattern.compile(
      "\"(traceId|spanId|parentSpanId)\":\"([A-Za-z0-9+/=]*)\"");

  /** JsonFormat writes bytes as base64; OTLP/JSON writes trace and span ids as hex. */
  private static String otlpJson(String protobufJson) {
    Matcher m = ID.matcher(protobufJson);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String hex = HexFormat.of().formatHex(Base64.getDecoder().decode(m.group(2)));
      m.appendReplacement(out, "\"" + m.group(1) + "\":\"" + hex + "\"");
    }
    m.appendTail(out);
    return out.toString();
  }

  private static byte[] gzip(byte[] bytes) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
