package io.tokenmaxx.bench.ingest;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained ingest load on a running server over loopback: several clients post batches as fast
 * as the server acknowledges them (acknowledged = committed), for a fixed time, in one of two
 * encodings: NDJSON to the ingest API, or OTLP/protobuf Claude Code {@code api_request} log
 * events. Every record has a new id. Prints acknowledged records/s and request latencies.
 *
 * <p>Usage: IngestBench URL TOKEN MODE(ndjson|otlp) CLIENTS BATCH SECONDS
 */
public final class IngestBench {

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String token = args[1];
    String mode = args[2];
    int clients = Integer.parseInt(args[3]);
    int batch = Integer.parseInt(args[4]);
    int seconds = Integer.parseInt(args[5]);
    if (mode.equals("otlp")) checkEncoder();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    AtomicLong acked = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    long end = warmupEnd + TimeUnit.SECONDS.toNanos(seconds);
    AtomicLong ackedAtWarmup = new AtomicLong(-1);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<long[]>> latencies = new ArrayList<>();
    long runId = System.currentTimeMillis();
    for (int c = 0; c < clients; c++) {
      int client = c;
      latencies.add(pool.submit(() -> {
        long[] lat = new long[1 << 20];
        int n = 0;
        for (long seq = 0; System.nanoTime() < end; seq++) {
          byte[] body;
          String type;
          String path;
          if (mode.equals("otlp")) {
            body = otlp(runId, client, seq, batch);
            type = "application/x-protobuf";
            path = "/v1/logs";
          } else {
            body = ndjson(runId, client, seq, batch);
            type = "application/x-ndjson";
            path = "/api/v1/ingest";
          }
          long t0 = System.nanoTime();
          int status;
          try {
            status = http.send(HttpRequest.newBuilder(URI.create(url + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", type)
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
          } catch (Exception e) {
            status = -1;
          }
          long t1 = System.nanoTime();
          if (status == 200) {
            acked.addAndGet(batch);
            if (t0 > warmupEnd && n < lat.length) lat[n++] = t1 - t0;
          } else {
            failed.incrementAndGet();
            if (status == 429) Thread.sleep(50);
          }
          if (t1 > warmupEnd) ackedAtWarmup.compareAndSet(-1, acked.get());
        }
        return Arrays.copyOf(lat, n);
      }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<long[]> f : latencies) for (long l : f.get()) all.add(l);
    pool.shutdown();
    long total = acked.get() - Math.max(0, ackedAtWarmup.get());
    all.sort(null);
    double rate = total / (double) seconds;
    System.out.printf(Locale.ROOT, "%s clients=%d batch=%d: %,.0f records/s acknowledged over %ds "
            + "(%d requests, latency p50 %.1f ms, p99 %.1f ms, %d refused/failed)%n",
        mode, clients, batch, rate, seconds, all.size(), pct(all, 0.5), pct(all, 0.99), failed.get());
    // what the load itself costs the shared cores (warm-up included): making and sending requests
    long cpuNanos = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
    System.out.printf(Locale.ROOT, "  client CPU: %.1f s for %d records sent, %.1f us per record%n",
        cpuNanos / 1e9, acked.get(), cpuNanos / 1e3 / Math.max(1, acked.get()));
  }

  static double pct(List<Long> sorted, double p) {
    if (sorted.isEmpty()) return Double.NaN;
    return sorted.get(Math.min(sorted.size() - 1, (int) (p * sorted.size()))) / 1e6;
  }

  /** Models people use, one per person (a person's session keeps its model). */
  static final String[] MODELS = {"claude-sonnet-4-6", "claude-opus-4-6", "claude-haiku-4-5"};

  /**
   * A batch as a collector or gateway in front of 50 people sends it: each person in one session
   * at a time (a new one every 20 batches), with the person's model — the shape the rollups see in
   * production (a session belongs to one person), unlike records with random people and sessions.
   */
  static byte[] ndjson(long run, int client, long seq, int n) {
    StringBuilder sb = new StringBuilder(n * 260);
    String ts = Instant.ofEpochSecond(run / 1000 + seq).toString();
    for (int i = 0; i < n; i++) {
      int person = client * 50 + i % 50;
      sb.append("{\"id\":\"b").append(run).append('-').append(client).append('-').append(seq)
          .append('-').append(i).append("\",\"timestamp\":\"").append(ts)
          .append("\",\"tool\":\"claude-code\",\"provider\":\"anthropic\",\"model\":\"").append(MODELS[person % 3])
          .append("\",\"identity\":\"email:user").append(person).append("@example.com\",\"sessionId\":\"s")
          .append(run).append('-').append(person).append('-').append(seq / 20).append("\",\"inputTokens\":").append(100 + i % 900)
          .append(",\"outputTokens\":").append(50 + i % 400).append(",\"cacheReadTokens\":").append(20_000 + i)
          .append(",\"cacheWrite5mTokens\":").append(i % 3000).append(",\"latencyMs\":1200}\n");
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The OTLP request as the protobuf message builders make it: ~30 objects per log record, which
   * made this client use twice the CPU of the NDJSON one on cores it shares with the server.
   * {@link #otlp} writes the same bytes directly; {@link #checkEncoder} compares the two at start.
   */
  static byte[] otlpWithBuilders(long run, int client, long seq, int n) {
    ScopeLogs.Builder scope = ScopeLogs.newBuilder();
    long now = (run / 1000 + seq) * 1_000_000_000L;
    for (int i = 0; i < n; i++) {
      long event = seq * n + i;
      scope.addLogRecords(LogRecord.newBuilder()
          .setTimeUnixNano(now + i)
          .setBody(AnyValue.newBuilder().setStringValue("claude_code.api_request"))
          .addAttributes(kv("event.name", "api_request"))
          .addAttributes(kv("session.id", "bench-" + run + "-" + (client * 50 + i % 50) + "-" + (seq / 20)))
          .addAttributes(kv("event.sequence", event))
          .addAttributes(kv("prompt.id", "p-" + run + "-" + client + "-" + event))
          .addAttributes(kv("user.email", "user" + (client * 50 + i % 50) + "@example.com"))
          .addAttributes(kv("model", MODELS[(client * 50 + i % 50) % 3]))
          .addAttributes(kv("input_tokens", 100 + i % 900))
          .addAttributes(kv("output_tokens", 50 + i % 400))
          .addAttributes(kv("cache_read_tokens", 20_000 + i))
          .addAttributes(kv("cache_creation_tokens", i % 3000))
          .addAttributes(kv("cost_usd", "0.0125"))
          .addAttributes(kv("duration_ms", 1200)));
    }
    return ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder()
        .setResource(Resource.newBuilder().addAttributes(kv("service.name", "claude-code")))
        .addScopeLogs(scope)).build().toByteArray();
  }

  /** The same request as {@link #otlpWithBuilders}, written field by field with protobuf's own encoder. */
  static byte[] otlp(long run, int client, long seq, int n) throws java.io.IOException {
    long now = (run / 1000 + seq) * 1_000_000_000L;
    byte[] records = new byte[n * 512];
    int used = 0;
    byte[] one = new byte[1024];
    for (int i = 0; i < n; i++) {
      long event = seq * n + i;
      int person = client * 50 + i % 50;
      CodedOutputStream r = CodedOutputStream.newInstance(one);
      r.writeFixed64(1, now + i); // time_unix_nano
      anyString(r, 5, "claude_code.api_request"); // body
      kv(r, "event.name", "api_request");
      kv(r, "session.id", "bench-" + run + "-" + person + "-" + (seq / 20));
      kv(r, "event.sequence", event);
      kv(r, "prompt.id", "p-" + run + "-" + client + "-" + event);
      kv(r, "user.email", "user" + person + "@example.com");
      kv(r, "model", MODELS[person % 3]);
      kv(r, "input_tokens", 100 + i % 900);
      kv(r, "output_tokens", 50 + i % 400);
      kv(r, "cache_read_tokens", 20_000 + i);
      kv(r, "cache_creation_tokens", i % 3000);
      kv(r, "cost_usd", "0.0125");
      kv(r, "duration_ms", 1200);
      int len = r.getTotalBytesWritten();
      if (used + len + 16 > records.length) records = Arrays.copyOf(records, records.length * 2);
      CodedOutputStream scope = CodedOutputStream.newInstance(records, used, records.length - used);
      scope.writeTag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED); // ScopeLogs.log_records
      scope.writeUInt32NoTag(len);
      scope.writeRawBytes(one, 0, len);
      used += scope.getTotalBytesWritten();
    }
    byte[] resource = Resource.newBuilder().addAttributes(kv("service.name", "claude-code")).build().toByteArray();
    int resourceLogs = CodedOutputStream.computeTagSize(1) + CodedOutputStream.computeUInt32SizeNoTag(resource.length)
        + resource.length + CodedOutputStream.computeTagSize(2) + CodedOutputStream.computeUInt32SizeNoTag(used) + used;
    byte[] out = new byte[CodedOutputStream.computeTagSize(1) + CodedOutputStream.computeUInt32SizeNoTag(resourceLogs)
        + resourceLogs];
    CodedOutputStream o = CodedOutputStream.newInstance(out);
    o.writeTag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED); // ExportLogsServiceRequest.resource_logs
    o.writeUInt32NoTag(resourceLogs);
    o.writeByteArray(1, resource); // ResourceLogs.resource
    o.writeTag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED); // ResourceLogs.scope_logs
    o.writeUInt32NoTag(used);
    o.writeRawBytes(records, 0, used);
    o.checkNoSpaceLeft();
    return out;
  }

  /** An AnyValue holding a string, as field {@code field} of the message being written. */
  private static void anyString(CodedOutputStream o, int field, String v) throws java.io.IOException {
    o.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    o.writeUInt32NoTag(CodedOutputStream.computeStringSize(1, v));
    o.writeString(1, v);
  }

  /** A LogRecord attribute (field 6) with a string value. */
  private static void kv(CodedOutputStream o, String k, String v) throws java.io.IOException {
    attribute(o, k, CodedOutputStream.computeStringSize(1, v));
    o.writeString(1, v);
  }

  /** A LogRecord attribute (field 6) with an integer value. */
  private static void kv(CodedOutputStream o, String k, long v) throws java.io.IOException {
    attribute(o, k, CodedOutputStream.computeInt64Size(3, v));
    o.writeInt64(3, v);
  }

  /** An attribute's KeyValue up to its AnyValue's content, which is {@code any} bytes long and follows. */
  private static void attribute(CodedOutputStream o, String k, int any) throws java.io.IOException {
    o.writeTag(6, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    o.writeUInt32NoTag(CodedOutputStream.computeStringSize(1, k) + CodedOutputStream.computeTagSize(2)
        + CodedOutputStream.computeUInt32SizeNoTag(any) + any);
    o.writeString(1, k);
    o.writeTag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    o.writeUInt32NoTag(any);
  }

  /** Refuses to run when the direct encoding is not the builders' message, byte for byte. */
  static void checkEncoder() throws Exception {
    long run = 1_795_000_000_000L;
    for (int seq : new int[] {0, 1, 37}) {
      if (!Arrays.equals(otlp(run, 3, seq, 120), otlpWithBuilders(run, 3, seq, 120))) {
        throw new IllegalStateException("the direct OTLP encoding differs from the protobuf builders' message");
      }
    }
  }

  static KeyValue kv(String k, String v) {
    return KeyValue.newBuilder().setKey(k).setValue(AnyValue.newBuilder().setStringValue(v)).build();
  }

  static KeyValue kv(String k, long v) {
    return KeyValue.newBuilder().setKey(k).setValue(AnyValue.newBuilder().setIntValue(v)).build();
  }
}
