package io.tokenmaxx.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.server.http.Json;
import io.tokenmaxx.storage.UsageAggregate;
import io.tokenmaxx.storage.UsageQuery;
import io.tokenmaxx.storage.duckdb.DuckDbStorage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with SIGKILL in the middle of a sustained ingest: every batch it acknowledged is
 * in the database after the crash, and once the clients retried what was not acknowledged (and
 * some of what was), every record is there exactly once.
 */
class CrashRecoveryTest {
  @TempDir Path dir;

  static final int CLIENTS = 4;
  static final int BATCH = 500;

  static Process start(int port, Path data) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), ServerMain.class.getName(),
        Integer.toString(port), data.toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (String line; (line = out.readLine()) != null; ) {
      if (line.startsWith("READY")) break;
      if (System.nanoTime() > deadline) throw new IllegalStateException("server did not start");
    }
    Thread drain = new Thread(() -> {
      try {
        while (out.readLine() != null) { /* keep the pipe empty */ }
      } catch (java.io.IOException ignored) {
        // process gone
      }
    });
    drain.setDaemon(true);
    drain.start();
    return p;
  }

  static byte[] batch(int client, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < BATCH; i++) {
      sb.append("{\"id\":\"c").append(client).append('-').append(n).append('-').append(i)
          .append("\",\"timestamp\":\"2026-11-20T10:00:00Z\",\"tool\":\"api\",\"model\":\"gpt-5-mini\",")
          .append("\"inputTokens\":").append(1 + i % 7).append(",\"outputTokens\":1}\n");
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static long tokensOf(int batches) {
    long perBatch = 0;
    for (int i = 0; i < BATCH; i++) perBatch += 1 + i % 7;
    return perBatch * batches;
  }

  @Test
  void acknowledgedRecordsSurviveSigkillAndRetriesDoNotDuplicate() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path data = dir.resolve("data");
    Process server = start(port, data);
    String admin = Files.readString(data.resolve("admin-token")).trim();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
    String token = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/v1/tokens"))
        .header("Authorization", "Bearer " + admin)
        .POST(HttpRequest.BodyPublishers.ofString("{\"scope\":\"ingest\",\"team\":\"load\"}")).build(),
        HttpResponse.BodyHandlers.ofString()).body()).get("secret").asText();

    Set<String> acked = ConcurrentHashMap.newKeySet();
    Set<String> sent = ConcurrentHashMap.newKeySet();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      pool.submit(() -> {
        for (int n = 0; !stop.get(); n++) {
          String key = client + "-" + n;
          sent.add(key);
          if (post(http, port, token, batch(client, n)) == 200) acked.add(key);
        }
        return null;
      });
    }
    Thread.sleep(3000);
    server.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
    server.waitFor(30, TimeUnit.SECONDS);
    stop.set(true);
    pool.shutdown();
    assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    assertThat(acked).as("batches acknowledged before the crash").hasSizeGreaterThan(5);

    // Every acknowledged batch is in the database, complete.
    try (DuckDbStorage store = DuckDbStorage.builder().path(data.resolve("tokenmaxx.duckdb")).build()) {
      java.util.Map<String, Long> perBatch = new java.util.HashMap<>();
      for (var r : store.usageStore().records(UsageQuery.all(), Integer.MAX_VALUE)) {
        String id = r.id();
        perBatch.merge(id.substring(1, id.lastIndexOf('-')), 1L, Long::sum);
      }
      for (String key : acked) {
        assertThat(perBatch.get(key)).as("records of acknowledged batch %s", key).isEqualTo((long) BATCH);
      }
    }

    // The clients retry what was not acknowledged, and (lost answers) some of what was.
    server = start(port, data);
    try {
      List<String> retry = new ArrayList<>(sent);
      retry.removeAll(acked);
      retry.addAll(new ArrayList<>(acked).subList(0, Math.min(5, acked.size())));
      for (String key : retry) {
        String[] p = key.split("-");
        assertThat(post(http, port, token, batch(Integer.parseInt(p[0]), Integer.parseInt(p[1]))))
            .as("retry of %s", key).isEqualTo(200);
      }
    } finally {
      server.destroy();
      server.waitFor(30, TimeUnit.SECONDS);
    }
    try (DuckDbStorage store = DuckDbStorage.builder().path(data.resolve("tokenmaxx.duckdb")).build()) {
      assertThat(store.usageStore().countUsage()).isEqualTo((long) sent.size() * BATCH);
      UsageAggregate all = store.usageStore().aggregate(UsageQuery.all()).getFirst();
      assertThat(all.records()).isEqualTo((long) sent.size() * BATCH);
      assertThat(all.inputTokens()).isEqualTo(tokensOf(sent.size()));
    }
  }

  static int post(HttpClient http, int port, String token, byte[] body) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ingest"))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/x-ndjson")
              .timeout(Duration.ofSeconds(30))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }
}
