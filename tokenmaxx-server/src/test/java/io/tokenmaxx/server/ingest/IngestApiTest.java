package io.tokenmaxx.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.server.TestServer;
import io.tokenmaxx.storage.UsageQuery;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestApiTest {
  @TempDir Path dir;

  static byte[] ndjson(String... lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  static String usage(String id, long input) {
    return "{\"id\":\"" + id + "\",\"timestamp\":\"2026-11-20T10:00:00Z\",\"tool\":\"claude-code\","
        + "\"model\":\"claude-sonnet-4-6\",\"inputTokens\":" + input + ",\"outputTokens\":10}";
  }

  @Test
  void storesGoodItemsOnceAttributedToTheTokensPersonAndExplainsBadOnes() throws Exception {
    try (TestServer s = new TestServer(dir, Map.of())) {
      String token = s.ingestToken("Ada@Example.com");
      HttpResponse<String> r = s.post("/api/v1/ingest", token, "application/x-ndjson",
          ndjson(usage("a", 100), usage("b", 200), "{\"id\":\"c\",\"tool\":\"x\"}"));
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("\"accepted\":2", "\"rejected\":1",
          "\"field\":\"timestamp\"", "\"message\":\"is required\"");
      // a retry of the same ids changes nothing (idempotent), a grown copy replaces
      r = s.post("/api/v1/ingest", token, "application/x-ndjson", ndjson(usage("a", 100), usage("b", 250)));
      assertThat(r.statusCode()).isEqualTo(200);
      var store = s.assembly.store().usageStore();
      assertThat(store.countUsage()).isEqualTo(2);
      var all = store.aggregate(UsageQuery.builder().build());
      assertThat(all.getFirst().inputTokens()).isEqualTo(350);
      assertThat(store.records(UsageQuery.all(), 10)).allSatisfy(rec -> {
        assertThat(rec.person()).isEqualTo("ada@example.com");
        assertThat(rec.source()).isEqualTo("ingest");
        assertThat(rec.computedCost()).as("priced at ingest").isPositive();
        assertThat(rec.priceRef()).contains("claude-sonnet-4-6");
      });
    }
  }

  @Test
  void deeplyNestedBodiesAreBadRequestsNamingTheDepth() throws Exception {
    try (TestServer s = new TestServer(dir, Map.of())) {
      String token = s.ingestToken("deep@example.com");
      int depth = 100_000;
      List<String> bodies = List.of("[".repeat(depth) + "]".repeat(depth),
          "{\"usage\":" + "[".repeat(depth) + "]".repeat(depth) + "}",
          "{\"usage\":[{\"id\":\"a\",\"tool\":\"x\",\"detail\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}]}");
      for (String body : bodies) {
        for (String type : List.of("application/json", "application/x-ndjson")) {
          HttpResponse<String> r = s.post("/api/v1/ingest", token, type, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
          assertThat(r.statusCode()).as(type + " " + r.body()).isEqualTo(400);
          assertThat(r.body()).as(type).containsIgnoringCase("nest");
        }
      }
      // The server is still up and takes good records.
      assertThat(s.post("/api/v1/ingest", token, "application/x-ndjson", ndjson(usage("ok", 1))).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void refusesMissingWrongAndUnderScopedTokensAndOversizedOrBrokenBodies() throws Exception {
    try (TestServer s = new TestServer(dir, Map.of("ingest.max-body-bytes", "2048"))) {
      String token = s.ingestToken("bob@example.com");
      assertThat(s.post("/api/v1/ingest", null, null, ndjson(usage("a", 1))).statusCode()).isEqualTo(401);
      HttpResponse<String> wrong = s.post("/api/v1/ingest", "tmx_nope", null, ndjson(usage("a", 1)));
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(wrong.body()).contains("unknown or revoked token");
      HttpResponse<String> scope = s.post("/api/v1/tokens", token, "application/json", "{}".getBytes());
      assertThat(scope.statusCode()).isEqualTo(403);
      HttpResponse<String> big = s.post("/api/v1/ingest", token, "application/x-ndjson", new byte[4096]);
      assertThat(big.statusCode()).isEqualTo(413);
      assertThat(big.body()).contains("ingest.max-body-bytes");
      ByteArrayOutputStream bomb = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
        gz.write(new byte[1 << 20]);
      }
      HttpResponse<String> gzBig = s.post("/api/v1/ingest", token, "application/x-ndjson",
          bomb.toByteArray(), "Content-Encoding", "gzip");
      assertThat(gzBig.statusCode()).isEqualTo(413);
      HttpResponse<String> broken = s.post("/api/v1/ingest", token, "application/json",
          "{\"usage\": [".getBytes());
      assertThat(broken.statusCode()).isEqualTo(400);
      assertThat(broken.body()).contains("invalid JSON");
      // the header an OTLP roll-out would use works too
      HttpResponse<String> viaHeader = s.post("/api/v1/ingest", null, "application/x-ndjson",
          ndjson(usage("h", 1)), "x-tokenmaxx-token", token);
      assertThat(viaHeader.statusCode()).isEqualTo(200);
      // a revoked token stops working at once
      String id = io.tokenmaxx.server.http.Json.MAPPER.readTree(
          s.get("/api/v1/tokens", s.adminToken).body()).get("tokens").get(1).get("id").asText();
      var del = java.net.http.HttpRequest.newBuilder(java.net.URI.create(s.url("/api/v1/tokens/" + id)))
          .DELETE().header("Authorization", "Bearer " + s.adminToken).build();
      assertThat(s.http.send(del, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      assertThat(s.post("/api/v1/ingest", token, "application/x-ndjson", ndjson(usage("z", 1))).statusCode())
          .isEqualTo(401);
      assertThat(s.get("/health", null).statusCode()).isEqualTo(200);
    }
  }
}
