package io.tokenmaxx.server.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.tokenmaxx.agents.AgentFixture;
import io.tokenmaxx.agents.AgentFixture.Export;
import io.tokenmaxx.agents.AgentFixture.Tokens;
import io.tokenmaxx.agents.Scenarios;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.pricing.PriceCatalog;
import io.tokenmaxx.server.TestServer;
import io.tokenmaxx.server.http.Json;
import io.tokenmaxx.wire.RecordJson;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real server (in-process, DuckDB file) fed the OTLP exports real agents sent
 * (scripts/capture-agents.sh), byte for byte with their content types and encodings, with a
 * person's ingest token as the README's collection guide sets them up: every export is accepted
 * whole, and the stored records count each request the stand-in served once, with its tokens,
 * although the agents report the same requests as metrics, events and spans. Fed everything in a
 * random order, twice, and partly at once, the server keeps serving and the counts do not move.
 */
class AgentExportsTest {
  static final String PERSON = "dev@example.com";

  @TempDir Path dir;

  static Stream<AgentFixture> fixtures() {
    return AgentFixture.all().stream();
  }

  /** A clock running from just after the captures, so they are as recent as when they were made. */
  static Clock clockAfter(List<AgentFixture> fixtures) {
    Instant last = fixtures.stream().map(AgentFixture::lastServedAt).max(Instant::compareTo).orElseThrow();
    return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), last.plusSeconds(60)));
  }

  static void send(TestServer s, String token, AgentFixture f, Export e) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.url(e.path())))
        .POST(HttpRequest.BodyPublishers.ofByteArray(f.body(e)))
        .header("Content-Type", e.contentType())
        .header("Authorization", "Bearer " + token);
    if (e.contentEncoding() != null) b.header("Content-Encoding", e.contentEncoding());
    HttpResponse<byte[]> r = s.http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as("%s %s: %s", f, e.file(), new String(r.body())).isEqualTo(200);
    assertThat(rejected(e, r.body())).as("%s %s: %s", f, e.file(), new String(r.body())).isZero();
  }

  /** The partial success's rejected count, in the answer's encoding. */
  static long rejected(Export e, byte[] body) throws Exception {
    if (e.contentType().startsWith("application/json")) {
      JsonNode p = Json.MAPPER.readTree(body).path("partialSuccess");
      for (String f : List.of("rejectedLogRecords", "rejectedDataPoints", "rejectedSpans")) {
        if (p.has(f)) return p.get(f).asLong();
      }
      return 0;
    }
    return switch (e.path()) {
      case "/v1/logs" -> ExportLogsServiceResponse.parseFrom(body).getPartialSuccess().getRejectedLogRecords();
      case "/v1/metrics" -> ExportMetricsServiceResponse.parseFrom(body).getPartialSuccess().getRejectedDataPoints();
      default -> ExportTraceServiceResponse.parseFrom(body).getPartialSuccess().getRejectedSpans();
    };
  }

  /** The records the server keeps for the token's person (what report --server reads). */
  static List<UsageRecord> records(TestServer s, String token, String person) throws Exception {
    HttpResponse<byte[]> r = s.http.send(HttpRequest.newBuilder(URI.create(s.url("/api/v1/records"
            + (person == null ? "" : "?person=" + person))))
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
    var batch = RecordJson.exportReader(Clock.systemUTC()).readNdjson(r.body());
    assertThat(batch.errors()).isEmpty();
    return batch.records().usage();
  }



  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void everyRequestIsStoredOnceWithItsTokensFromAllItsSignals(AgentFixture f) throws Exception {
    try (TestServer s = new TestServer(dir.resolve("data"), Map.of(), clockAfter(List.of(f)))) {
      String token = s.ingestToken(PERSON);
      for (Export e : f.exports()) send(s, token, f, e);

      List<UsageRecord> stored = records(s, token, null);
      assertThat(stored).extracting(UsageRecord::tool).containsOnly(f.agent());
      assertThat(stored).extracting(UsageRecord::person).doesNotContainNull().hasSameElementsAs(
          List.of(stored.getFirst().person()));
      assertThat(stored).filteredOn(r -> r.totalTokens() > 0).extracting(Tokens::of)
          .as("one record per served request").containsExactlyInAnyOrderElementsOf(
              f.served().stream().map(f::expected).toList());
      assertThat(Tokens.sum(stored)).isEqualTo(f.expected());
      PriceCatalog prices = PriceCatalog.bundled();
      assertThat(stored).allSatisfy(r -> assertThat(r.unpriced()).as("%s unpriced", r.model())
          .isEqualTo(r.totalTokens() > 0 && prices.find(r.model(), r.timestamp()) == null));
      // Prompts (kept only with their text, as a hash) are no model of anyone's and cost nothing.
      assertThat(stored).filteredOn(r -> r.totalTokens() == 0).allSatisfy(r -> {
        assertThat(r.promptHash()).hasSize(64);
        assertThat(r.computedCost()).isEqualByComparingTo("0");
      });
    }
  }

  /** The request: Claude Code reports 0.0011159999999999998 USD; it is stored as 0.001116. */
  @Test
  void claudeCodesFloatingPointCostIsStoredNotRefused() throws Exception {
    AgentFixture f = AgentFixture.load("claude-code-protobuf");
    try (TestServer s = new TestServer(dir.resolve("data"), Map.of(), clockAfter(List.of(f)))) {
      String token = s.ingestToken(PERSON);
      for (Export e : f.exports()) send(s, token, f, e);
      assertThat(records(s, token, null)).filteredOn(r -> r.inputTokens() == 12 && r.cacheReadTokens() == 2000)
          .singleElement().satisfies(r -> {
            assertThat(r.reportedCost()).isEqualTo(new BigDecimal("0.001116"));
            assertThat(r.computedCost()).isNotNull();
          });
    }
  }

  /**
   * A team token leaves attribution to the identities in the data. Codex signed in with an API key
   * names no user; the roll-out's OTEL_RESOURCE_ATTRIBUTES=user.email=... does, and the directory
   * resolves it.
   */
  @Test
  void aTeamTokenAttributesCodexByTheUserItsRollOutNames() throws Exception {
    AgentFixture f = AgentFixture.load("codex-json");
    try (TestServer s = new TestServer(dir.resolve("data"), Map.of(), clockAfter(List.of(f)))) {
      s.ingestToken(Scenarios.CODEX_USER); // Ana is in the directory
      HttpResponse<String> t = s.post("/api/v1/tokens", s.adminToken, "application/json",
          "{\"scope\":\"ingest\",\"team\":\"engineering\"}".getBytes());
      assertThat(t.statusCode()).as(t.body()).isEqualTo(201);
      String team = Json.MAPPER.readTree(t.body()).get("secret").asText();
      for (Export e : f.exports()) send(s, team, f, e);
      List<UsageRecord> ana = records(s, s.adminToken, Scenarios.CODEX_USER);
      assertThat(Tokens.sum(ana)).isEqualTo(f.expected());
      assertThat(ana).extracting(r -> r.identity().value()).containsOnly(Scenarios.CODEX_USER);
    }
  }

  /**
   * Every export of every capture, in a seeded random order, twice: the second time from four
   * clients at once. Each request still counts once, per agent, and the server keeps answering.
   */
  @ParameterizedTest
  @ValueSource(longs = {7, 20261207})
  void everyCapturedExportInRandomOrderTwiceCountsEachRequestOnce(long seed) throws Exception {
    List<AgentFixture> all = AgentFixture.all();
    try (TestServer s = new TestServer(dir.resolve("data"), Map.of(), clockAfter(all))) {
      String token = s.ingestToken(PERSON);
      record Sent(AgentFixture f, Export e) {}
      List<Sent> sends = new ArrayList<>();
      for (AgentFixture f : all) for (Export e : f.exports()) sends.add(new Sent(f, e));
      Random rnd = new Random(seed);

      Collections.shuffle(sends, rnd);
      for (Sent x : sends) send(s, token, x.f(), x.e());
      Collections.shuffle(sends, rnd);
      ExecutorService clients = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (Sent x : sends) done.add(clients.submit(() -> {
          send(s, token, x.f(), x.e());
          return null;
        }));
        for (Future<?> d : done) d.get();
      } finally {
        clients.shutdown();
      }

      Map<String, Tokens> expected = new TreeMap<>();
      for (AgentFixture f : all) expected.merge(f.agent(), f.expected(), Tokens::plus);
      Map<String, Tokens> stored = new TreeMap<>(records(s, token, null).stream().collect(
          Collectors.groupingBy(UsageRecord::tool, Collectors.reducing(Tokens.ZERO, Tokens::of, Tokens::plus))));
      assertThat(stored).isEqualTo(expected);
      assertThat(s.get("/health", null).statusCode()).isEqualTo(200);
    }
  }
}
