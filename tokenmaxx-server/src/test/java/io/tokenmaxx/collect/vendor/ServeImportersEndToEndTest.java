package io.tokenmaxx.collect.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.server.ServerAssembly;
import io.tokenmaxx.server.TokenmaxxServer;
import io.tokenmaxx.server.config.ConfigLoader;
import io.tokenmaxx.server.config.ServerConfig;
import io.tokenmaxx.server.http.Json;
import io.tokenmaxx.storage.UsageQuery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tokenmaxx serve} set up by environment variables only, pulling Anthropic's and Cursor's
 * loopback stand-ins (several pages, a 429 with Retry-After, a 500, an empty day, unknown users and
 * keys) into a DuckDB file: after the first pull is cut off by a restart, after repeated and
 * overlapping pulls, and after a vendor revision, the stored totals per identity, day and model
 * are exactly what the stand-ins served, once. (In the stand-ins' package, which their test-jar
 * keeps package-private.)
 */
class ServeImportersEndToEndTest {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 4);

  @TempDir Path data;
  AnthropicStandIn anthropic;
  CursorStandIn cursor;
  MutableClock clock;
  TokenmaxxServer server;
  ServerAssembly assembly;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void setUp() throws Exception {
    anthropic = new AnthropicStandIn(TODAY, 22, 9);
    cursor = new CursorStandIn(TODAY, 23, 6, 4, 3, true);
    clock = new MutableClock(TODAY.atTime(15, 0).toInstant(ZoneOffset.UTC));
  }

  @AfterEach
  void tearDown() {
    if (server != null) server.close();
    anthropic.close();
    cursor.close();
  }

  Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("TOKENMAXX_DATA", data.toString());
    env.put("TOKENMAXX_HOST", "127.0.0.1");
    env.put("TOKENMAXX_PORT", "0");
    env.put("TOKENMAXX_IMPORTERS_ANTHROPIC_ADMIN_KEY", AnthropicStandIn.KEY);
    env.put("TOKENMAXX_IMPORTERS_ANTHROPIC_BASE_URL", anthropic.baseUrl().toString());
    env.put("TOKENMAXX_IMPORTERS_ANTHROPIC_BACKFILL", "2d");
    env.put("TOKENMAXX_IMPORTERS_ANTHROPIC_PAGE_SIZE", "3");
    env.put("TOKENMAXX_IMPORTERS_CURSOR_ADMIN_KEY", cursor.adminKey());
    env.put("TOKENMAXX_IMPORTERS_CURSOR_BASE_URL", cursor.baseUrl().toString());
    env.put("TOKENMAXX_IMPORTERS_CURSOR_BACKFILL", "2");
    env.put("TOKENMAXX_IMPORTERS_CURSOR_PAGE_SIZE", "3");
    return env;
  }

  void start() {
    ServerConfig config = new ConfigLoader().environment(environment()).load();
    assembly = new ServerAssembly(config, clock);
    server = assembly.build().start();
  }

  String adminToken() throws Exception {
    return Files.readString(data.resolve("admin-token")).trim();
  }

  HttpResponse<String> call(String method, String path) throws Exception {
    return call(method, path, null);
  }

  HttpResponse<String> call(String method, String path, String json) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .timeout(Duration.ofMinutes(2)).build();
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }

  JsonNode runNow(String source) throws Exception {
    HttpResponse<String> r = call("POST", "/api/v1/importers/" + source + "/run?wait=true");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.MAPPER.readTree(r.body());
  }

  LocalDate first() {
    return TODAY.minusDays(2);
  }

  void assertStoredIsWhatWasServed() {
    Served served = anthropic.served(first(), TODAY);
    Served fromCursor = cursor.served(first(), TODAY);
    Map<Served.Key, Served.Tokens> expected = new TreeMap<>(Served.tokens(served.usage));
    Served.tokens(fromCursor.usage).forEach((k, v) -> expected.merge(k, v, Served.Tokens::plus));
    Map<Served.Key, Double> expectedOutcomes = new TreeMap<>(served.outcomes);
    fromCursor.outcomes.forEach((k, v) -> expectedOutcomes.merge(k, v, Double::sum));

    Map<Served.Key, Served.Tokens> stored = new TreeMap<>();
    for (UsageRecord r : assembly.store().usageStore().records(UsageQuery.all(), 1_000_000)) {
      stored.merge(Served.Key.of(r), Served.Tokens.of(r).withoutCost(), Served.Tokens::plus);
    }
    stored.replaceAll((k, v) -> v.normalized());
    expected.replaceAll((k, v) -> v.normalized());
    assertThat(stored).isEqualTo(expected);
    Map<Served.Key, Double> outcomes = new TreeMap<>();
    for (OutcomeRecord r : assembly.store().usageStore().outcomes(UsageQuery.all(), 1_000_000)) {
      outcomes.merge(new Served.Key(String.valueOf(r.identity()), LocalDate.ofInstant(r.timestamp(), ZoneOffset.UTC),
          r.kind().label() + (r.detail() == null ? "" : "/" + r.detail())), r.value(), Double::sum);
    }
    assertThat(outcomes).isEqualTo(expectedOutcomes);
  }

  @Test
  void environmentOnlyServeImportsWhatWasServedOnceAcrossRestartsAndRepeatedPulls() throws Exception {
    // first start: both sources are due at once; stop while the first pulls are under way
    // (Anthropic's planned 429 asks for a 2 s wait in the middle of its first day)
    start();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (anthropic.server().log().size() < 3 && System.nanoTime() < deadline) Thread.sleep(10);
    server.close();
    server = null;

    // second start, same environment and data: pulls resume; run both now, repeatedly
    start();
    for (String source : new String[] {"anthropic", "cursor"}) {
      JsonNode run = runNow(source);
      assertThat(run.get("ok").asBoolean()).as(run.toString()).isTrue();
      assertThat(runNow(source).get("ok").asBoolean()).isTrue();
    }
    assertStoredIsWhatWasServed();

    // the status says where each source got to, and never shows a key
    HttpResponse<String> list = call("GET", "/api/v1/importers");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).doesNotContain(AnthropicStandIn.KEY).doesNotContain(cursor.adminKey());
    JsonNode sources = Json.MAPPER.readTree(list.body()).get("sources");
    assertThat(sources).hasSize(2);
    for (JsonNode s : sources) {
      assertThat(s.get("state").asText()).isEqualTo("ok");
      assertThat(s.get("completeThrough").asText()).isEqualTo(TODAY.toString());
      assertThat(s.get("recordsImported").asLong()).isPositive();
      assertThat(s.get("keyFrom").asText()).contains("TOKENMAXX_IMPORTERS_");
    }
    HttpResponse<String> health = call("GET", "/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"importers\"").contains("\"source\":\"anthropic\"").doesNotContain("FAILING");

    // the vendor revises the last day; an hour later the re-read replaces it
    anthropic.revise(TODAY);
    cursor.revise(TODAY);
    clock.advance(Duration.ofHours(1));
    assertThat(runNow("anthropic").get("ok").asBoolean()).isTrue();
    assertThat(runNow("cursor").get("ok").asBoolean()).isTrue();
    assertStoredIsWhatWasServed();

    // a third start changes nothing
    server.close();
    start();
    assertThat(runNow("anthropic").get("ok").asBoolean()).isTrue();
    assertStoredIsWhatWasServed();
  }

  @Test
  void aFailingSourceShowsTheVendorsErrorAndStopsNothingElse() throws Exception {
    for (int i = 0; i < 2; i++) { // the pull at start and the one run now; beyond what a pull waits
      anthropic.server().fault("/v1/organizations/usage_report/claude_code", 429, "900");
    }
    start();
    JsonNode failed = runNow("anthropic");
    assertThat(failed.get("ok").asBoolean()).isFalse();
    assertThat(failed.get("error").asText()).contains("429").contains("900 s").doesNotContain(AnthropicStandIn.KEY);
    assertThat(runNow("cursor").get("ok").asBoolean()).isTrue();

    JsonNode sources = Json.MAPPER.readTree(call("GET", "/api/v1/importers").body()).get("sources");
    JsonNode a = sources.get(0);
    assertThat(a.get("source").asText()).isEqualTo("anthropic");
    assertThat(a.get("state").asText()).isEqualTo("failing");
    assertThat(a.get("lastError").asText()).contains("429");
    // the next try waits as long as the vendor asked
    assertThat(java.time.Instant.parse(a.get("nextRun").asText()))
        .isAfterOrEqualTo(clock.instant().plusSeconds(900));
    assertThat(sources.get(1).get("state").asText()).isEqualTo("ok");
    HttpResponse<String> health = call("GET", "/health");
    assertThat(health.statusCode()).isEqualTo(200); // a vendor's trouble is not the server's
    assertThat(health.body()).contains("FAILING").contains("429");
  }

  @Test
  void aSourceConfiguredThroughTheApiIsPulledKeptAcrossRestartsAndRemovable() throws Exception {
    Map<String, String> env = environment();
    env.keySet().removeIf(k -> k.startsWith("TOKENMAXX_IMPORTERS_ANTHROPIC_"));
    ServerConfig config = new ConfigLoader().environment(env).load();
    assembly = new ServerAssembly(config, clock);
    server = assembly.build().start();

    String body = "{\"adminKey\":\"" + AnthropicStandIn.KEY + "\",\"baseUrl\":\"" + anthropic.baseUrl()
        + "\",\"interval\":\"2h\",\"backfill\":2,\"pageSize\":3}";
    HttpResponse<String> put = call("PUT", "/api/v1/importers/anthropic", body);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(put.body()).doesNotContain(AnthropicStandIn.KEY).contains("\"interval\":\"PT2H\"");
    assertThat(runNow("anthropic").get("ok").asBoolean()).isTrue();
    assertThat(Files.getPosixFilePermissions(data.resolve("importer-keys/anthropic.key")).toString())
        .isEqualTo("[OWNER_READ, OWNER_WRITE]");
    assertThat(call("GET", "/api/v1/importers").body()).contains("\"anthropic\"").doesNotContain(AnthropicStandIn.KEY);

    // a restart keeps it; a change without a key keeps the key
    server.close();
    server = new ServerAssembly(config, clock).build().start();
    HttpResponse<String> change = call("PUT", "/api/v1/importers/anthropic",
        "{\"baseUrl\":\"" + anthropic.baseUrl() + "\",\"interval\":\"30m\",\"backfill\":2,\"pageSize\":3}");
    assertThat(change.statusCode()).as(change.body()).isEqualTo(200);
    assertThat(change.body()).contains("PT30M");
    assertThat(runNow("anthropic").get("ok").asBoolean()).isTrue();

    // mistakes are named; a vendor of the settings is changed there
    assertThat(call("PUT", "/api/v1/importers/anthropic", "{\"interval\":\"often\"}").body()).contains("interval");
    assertThat(call("PUT", "/api/v1/importers/anthropic", "{\"intervall\":\"1h\"}").body()).contains("intervall");
    assertThat(call("PUT", "/api/v1/importers/openai", "{\"baseUrl\":\"http://127.0.0.1:1\"}").body())
        .contains("adminKey");
    assertThat(call("PUT", "/api/v1/importers/cursor", "{\"adminKey\":\"x\"}").statusCode()).isEqualTo(409);
    assertThat(call("PUT", "/api/v1/importers/acme", "{}").statusCode()).isEqualTo(400);

    HttpResponse<String> removed = call("DELETE", "/api/v1/importers/anthropic");
    assertThat(removed.statusCode()).isEqualTo(200);
    assertThat(Files.exists(data.resolve("importer-keys/anthropic.key"))).isFalse();
    assertThat(Json.MAPPER.readTree(call("GET", "/api/v1/importers").body()).get("sources")).hasSize(1);
    assertThat(call("DELETE", "/api/v1/importers/anthropic").statusCode()).isEqualTo(404);
  }
}
