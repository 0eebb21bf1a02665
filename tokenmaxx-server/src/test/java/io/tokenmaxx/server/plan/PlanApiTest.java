package io.tokenmaxx.server.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.tokenmaxx.demo.DemoSpec;
import io.tokenmaxx.identity.TokenScope;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.server.ServerAssembly;
import io.tokenmaxx.server.TokenmaxxServer;
import io.tokenmaxx.server.config.ConfigLoader;
import io.tokenmaxx.server.config.ServerConfig;
import io.tokenmaxx.server.demo.DemoLoader;
import io.tokenmaxx.server.http.Json;
import io.tokenmaxx.server.web.auth.Passwords;
import io.tokenmaxx.storage.UsageQuery;
import io.tokenmaxx.storage.duckdb.DuckDbStorage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan API on a real server over a generated organization: demand, capacity, TCO, scopes, errors, OpenAPI. */
class PlanApiTest {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 13);
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  @TempDir static Path dir;
  static TokenmaxxServer server;
  static DuckDbStorage storage;
  static Clock clock;
  static String admin;
  static String reader;
  static String ingest;
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() throws Exception {
    storage = DuckDbStorage.builder().inMemory().build();
    new DemoLoader(storage, List.of(), new Passwords(1024, 1, 1), 2).load(new DemoSpec(7, 60, 8, TODAY, ZONE, 1.0, 0.05,
        java.time.DayOfWeek.FRIDAY));
    ServerConfig config = new ConfigLoader().overrides(Map.of("port", "0", "host", "127.0.0.1", "data", dir.toString(),
        "privacy.min-group-size", "5")).load();
    clock = Clock.fixed(TODAY.atTime(15, 0).atZone(ZONE).toInstant(), ZONE);
    server = new ServerAssembly(config, clock).storage(storage).build().start();
    admin = Files.readString(config.adminTokenFile()).strip();
    String person = storage.directory().people().get(3).id();
    reader = storage.tokens().create(TokenScope.READ, person, null, "plan test").secret();
    ingest = storage.tokens().create(TokenScope.INGEST, person, null, "plan test").secret();
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
  }

  static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) b.header("Authorization", "Bearer " + token);
    if (body != null) b.header("Content-Type", "application/json");
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(String method, String path, String token, String body, int status) throws Exception {
    HttpResponse<String> r = send(method, path, token, body);
    assertThat(r.statusCode()).as(method + " " + path + " " + r.body()).isEqualTo(status);
    return Json.MAPPER.readTree(r.body());
  }

  @Test
  void theRecordedDemandAgreesWithTheRecords() throws Exception {
    JsonNode d = json("GET", PlanApi.DEMAND + "?days=14", admin, null, 200);
    assertThat(d.get("days").asInt()).isEqualTo(14);
    Instant to = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    Instant from = to.minus(Duration.ofDays(14));
    assertThat(Instant.parse(d.get("to").asText())).isEqualTo(to);
    List<String> classes = new ArrayList<>();
    d.get("classes").forEach(c -> classes.add(c.get("modelClass").asText()));
    assertThat(classes).containsExactly("small", "frontier-large", "mid");
    // recompute one class from the raw records, independently of the SQL: per-minute output sums
    ModelClasses table = ModelClasses.builtIn();
    List<UsageRecord> records = storage.usageStore().records(UsageQuery.builder().from(from).to(to).build(), 10_000_000);
    for (JsonNode c : d.get("classes")) {
      String name = c.get("modelClass").asText();
      TreeMap<Long, long[]> minutes = new TreeMap<>();
      long requests = 0;
      for (UsageRecord r : records) {
        if (!table.classOf(r.model()).equals(name)) continue;
        long[] m = minutes.computeIfAbsent(Math.floorDiv(r.timestamp().getEpochSecond(), 60), k -> new long[2]);
        m[0] += r.generatedTokens();
        m[1] += r.promptTokens();
        requests += r.requests();
      }
      double[] out = minutes.values().stream().mapToDouble(m -> m[0] / 60.0).sorted().toArray();
      JsonNode demand = c.get("demand");
      assertThat(c.get("requests").asLong()).isEqualTo(requests);
      assertThat(c.get("activeMinutes").asLong()).isEqualTo(minutes.size());
      assertThat(demand.get("outputTokensPerSecond").get("peak").asDouble()).isCloseTo(out[out.length - 1], within());
      // continuous median: (n - 1) / 2 between ranks
      double pos = (out.length - 1) * 0.5;
      double median = out[(int) Math.floor(pos)] + (out[(int) Math.ceil(pos)] - out[(int) Math.floor(pos)]) * (pos - Math.floor(pos));
      assertThat(demand.get("outputTokensPerSecond").get("p50").asDouble()).isCloseTo(median, within());
      long prompt = minutes.values().stream().mapToLong(m -> m[1]).sum();
      assertThat(demand.get("inputLength").get("mean").asDouble()).isCloseTo((double) prompt / requests, within());
      assertThat(demand.get("inputTokensPerMonth").asDouble())
          .isCloseTo(prompt * (730.0 * 3600) / (14 * 86400.0), within());
      assertThat(demand.get("concurrentRequests").get("peak").asDouble()).isPositive();
      assertThat(c.get("people").asInt()).isPositive();
    }
    assertThat(Arrays.asList(d.get("modelClasses").get("claude-haiku-4-5").asText(),
        d.get("modelClasses").get("claude-opus-4-7").asText(), d.get("modelClasses").get("gpt-5.1").asText()))
        .containsExactly("small", "frontier-large", "mid");
  }

  static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-6);
  }

  @Test
  void capacityAnswersTheRecordedDemandAndWhatIfsMoveIt() throws Exception {
    JsonNode base = json("POST", PlanApi.CAPACITY, admin, "{}", 200);
    int gpus = base.get("capacity").get("totalGpus").asInt();
    assertThat(gpus).isPositive();
    assertThat(base.get("recorded").get("classes")).hasSize(3);
    JsonNode sizing = base.get("capacity").get("sizings").get(0);
    assertThat(sizing.get("replica").get("memoryPerGpu").get("weightsGib").asDouble()).isPositive();
    JsonNode doubled = json("POST", PlanApi.CAPACITY, admin, "{\"scale\": 4, \"gpu\": \"H100\"}", 200);
    assertThat(doubled.get("capacity").get("totalGpus").asInt()).isGreaterThan(gpus);
    JsonNode h200 = json("POST", PlanApi.CAPACITY, admin,
        "{\"gpu\": \"H200\", \"classes\": {\"frontier-large\": {\"model\": \"Llama-3.3-70B\"}}}", 200);
    assertThat(h200.get("capacity").get("gpu").asText()).isEqualTo("H200");
    assertThat(h200.get("capacity").get("demand").get(1).get("model").asText()).isEqualTo("Llama-3.3-70B");
    JsonNode dropped = json("POST", PlanApi.CAPACITY, admin, "{\"classes\": {\"small\": {\"include\": false}}}", 200);
    assertThat(dropped.get("capacity").get("sizings")).hasSize(2);
  }

  @Test
  void aDemandGivenWholeNeedsNoRecords() throws Exception {
    String body = "{\"demand\": [{\"modelClass\": \"chat\", \"model\": \"Llama-3.1-8B\","
        + "\"inputTokensPerSecond\": {\"p50\": 2000, \"p95\": 6000, \"peak\": 9000},"
        + "\"outputTokensPerSecond\": {\"p50\": 200, \"p95\": 600, \"peak\": 900},"
        + "\"inputLength\": {\"mean\": 2000, \"p95\": 8000}, \"outputLength\": {\"mean\": 200, \"p95\": 800},"
        + "\"cacheShare\": 0.5, \"monthlyGrowth\": 0.05, \"apiModel\": \"gpt-5-mini\"}]}";
    JsonNode c = json("POST", PlanApi.CAPACITY, reader, body, 200);
    assertThat(c.has("recorded")).isFalse();
    assertThat(c.get("capacity").get("sizings").get(0).get("modelClass").asText()).isEqualTo("chat");
    JsonNode t = json("POST", PlanApi.TCO, reader, body, 200);
    JsonNode chat = t.get("costs").get("classes").get(0);
    assertThat(chat.get("api").get("name").asText()).isEqualTo("gpt-5-mini");
    assertThat(chat.get("curve").size()).isGreaterThan(10);
    assertThat(chat.get("sensitivity").size()).isEqualTo(21); // as given + 5 inputs x 4 factors
  }

  @Test
  void tcoComparesOwningRentingAndTheApiPerClassAndInTotal() throws Exception {
    JsonNode t = json("POST", PlanApi.TCO, admin, "{}", 200);
    JsonNode total = t.get("costs").get("total");
    double buy = 0;
    for (JsonNode c : t.get("costs").get("classes")) {
      assertThat(c.get("served").asBoolean()).as(c.toString()).isTrue();
      buy += c.get("now").get("buy").asDouble();
      assertThat(c.get("cheapest").asText()).isIn("BUY", "RENT", "API");
    }
    assertThat(total.get("buy").asDouble()).isCloseTo(buy, org.assertj.core.data.Offset.offset(0.01));
    JsonNode cheaper = json("POST", PlanApi.TCO, admin, "{\"apiPriceFactor\": 0.5}", 200);
    assertThat(cheaper.get("costs").get("total").get("api").asDouble())
        .isCloseTo(total.get("api").asDouble() / 2, org.assertj.core.data.Offset.offset(1.0));
  }

  @Test
  void peek() throws Exception {
    if (System.getProperty("peek") == null) return;
    System.out.println("DEMAND " + send("GET", PlanApi.DEMAND, admin, null).body());
    JsonNode c = json("POST", PlanApi.CAPACITY, admin, "{}", 200).get("capacity");
    for (JsonNode s : c.get("sizings")) System.out.println("SIZING " + s.get("modelClass") + " gpus " + s.get("gpus") + " tp " + s.get("replica").get("tensorParallel") + " batch " + s.get("replica").get("batch") + " " + s.get("replica").get("limiter") + " fit " + s.get("replica").get("fit") + " notes " + s.get("notes"));
    JsonNode t = json("POST", PlanApi.TCO, admin, "{}", 200).get("costs");
    for (JsonNode x : t.get("classes")) System.out.println("TCO " + x.get("modelClass") + " now " + x.get("now") + " breakeven " + x.get("breakeven"));
    System.out.println("TOTAL " + t.get("total"));
  }

  @Test
  void badInputIsA400NamingTheField() throws Exception {
    assertThat(json("POST", PlanApi.CAPACITY, admin, "{\"gpu\": \"H1000\"}", 400).get("error").get("field").asText())
        .isEqualTo("gpu");
    JsonNode unknownField = json("POST", PlanApi.CAPACITY, admin, "{\"gpus\": \"H100\"}", 400);
    assertThat(unknownField.get("error").get("message").asText()).contains("gpus");
    assertThat(json("POST", PlanApi.TCO, admin, "{\"scale\": \"lots\"}", 400).get("error").get("field").asText())
        .isEqualTo("scale");
    assertThat(json("POST", PlanApi.TCO, admin, "{not json", 400).get("error").get("field").asText()).isEqualTo("body");
    assertThat(json("POST", PlanApi.CAPACITY, admin, "{\"classes\": {\"huge\": {}}}", 400).get("error").get("field")
        .asText()).isEqualTo("classes");
    assertThat(json("POST", PlanApi.CAPACITY, admin, "{\"classes\": {\"mid\": {\"model\": \"Llama-9B\"}}}", 400)
        .get("error").get("field").asText()).isEqualTo("classes.mid.model");
    assertThat(json("GET", PlanApi.DEMAND + "?days=0", admin, null, 400).get("error").get("field").asText())
        .isEqualTo("days");
    assertThat(json("GET", PlanApi.DEMAND + "?days=two", admin, null, 400).get("error").get("field").asText())
        .isEqualTo("days");
    JsonNode demand = json("POST", PlanApi.CAPACITY, admin, "{\"demand\": [{\"model\": \"Llama-3.1-8B\"}]}", 400);
    assertThat(demand.get("error").get("message").asText()).contains("input tokens/s are missing");
  }

  @Test
  void readScopeIsNeededAndSmallClassesAreHiddenWithoutAdmin() throws Exception {
    assertThat(send("GET", PlanApi.DEMAND, null, null).statusCode()).isEqualTo(401);
    assertThat(send("GET", PlanApi.DEMAND, ingest, null).statusCode()).isEqualTo(403);
    assertThat(send("POST", PlanApi.TCO, ingest, "{}").statusCode()).isEqualTo(403);
    JsonNode asReader = json("GET", PlanApi.DEMAND, reader, null, 200);
    JsonNode asAdmin = json("GET", PlanApi.DEMAND, admin, null, 200);
    assertThat(asAdmin.get("hidden")).isEmpty();
    for (JsonNode c : asReader.get("classes")) assertThat(c.get("people").asInt()).isGreaterThanOrEqualTo(5);
    assertThat(asReader.get("classes").size() + asReader.get("hidden").size()).isEqualTo(asAdmin.get("classes").size());
  }

  @Test
  void theOpenApiDocumentListsThePlanEndpoints() throws Exception {
    HttpResponse<String> r = send("GET", "/api/openapi.json", null, null);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(r.body());
    assertThat(parsed.getMessages()).isEmpty();
    JsonNode doc = Json.MAPPER.readTree(r.body());
    assertThat(doc.get("paths").get(PlanApi.DEMAND).get("get").get("operationId").asText()).isEqualTo("planDemand");
    assertThat(doc.get("paths").get(PlanApi.CAPACITY).get("post").get("requestBody")).isNotNull();
    assertThat(doc.get("paths").get(PlanApi.TCO).get("post").get("responses").get("200")).isNotNull();
    JsonNode schemas = doc.get("components").get("schemas");
    assertThat(schemas.has("PlanRequest")).isTrue();
    assertThat(schemas.get("PlanRequest").get("properties").has("classes")).isTrue();
    assertThat(schemas.has("RecordedDemand")).isTrue();
    assertThat(schemas.get("Views.Replica").get("properties").get("fit").get("enum").toString()).contains("KV_STARVED");
  }
}
