package io.tokenmaxx.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.tokenmaxx.analyze.AnalyticsFixture;
import io.tokenmaxx.analyze.OrgChart;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.identity.TokenScope;
import io.tokenmaxx.server.TestServer;
import io.tokenmaxx.server.http.Json;
import io.tokenmaxx.storage.StorageComponent;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analytics API on a real server: every endpoint and CSV table, scoping by token, errors, OpenAPI. */
class AnalyticsApiTest {
  static final LocalDate END = LocalDate.of(2026, 11, 20);
  static final String RANGE = "from=2026-10-24&to=2026-11-20";
  @TempDir static Path dir;
  static TestServer s;
  static AnalyticsFixture fx;
  static Person member;
  static Person manager;
  static String memberToken;
  static String managerToken;

  @BeforeAll
  static void start() throws Exception {
    s = new TestServer(dir, Map.of("analytics.zone", "America/New_York"));
    fx = AnalyticsFixture.generate(5, 40, 5, END);
    StorageComponent store = s.assembly.store();
    // A name a spreadsheet would run as a formula, and one with a comma and a quote.
    List<Person> people = new ArrayList<>(fx.people);
    Person first = people.get(1);
    people.set(1, new Person(first.id(), first.email(), "=HYPERLINK(\"http://x\")", first.team(), first.department(),
        first.manager(), first.role(), first.annualLoadedCost(), first.startDate()));
    store.directory().upsertDepartments(fx.departments);
    store.directory().upsertTeams(fx.teams);
    store.directory().upsertPeople(people);
    store.usageConsumer().accept(fx.usage);
    store.outcomeConsumer().accept(fx.outcomes);
    OrgChart chart = OrgChart.of(fx.people);
    member = fx.people.stream().filter(p -> !chart.managesAnyone(p.id()) && p.manager() != null
        && fx.usage.stream().anyMatch(r -> p.id().equals(r.person()))).findFirst().orElseThrow();
    manager = fx.people.stream().filter(p -> p.id().equals(member.manager())).findFirst().orElseThrow();
    memberToken = store.tokens().create(TokenScope.READ, member.id(), null, "test").secret();
    managerToken = store.tokens().create(TokenScope.READ, manager.id(), null, "test").secret();
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static JsonNode json(String path, String token, int status) throws Exception {
    HttpResponse<String> r = s.get(path, token);
    assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    return Json.MAPPER.readTree(r.body());
  }

  @Test
  void everyEndpointAnswersJsonAndEveryTableCsvForAnAdmin() throws Exception {
    AnalyticsApi api = new AnalyticsApi(s.assembly.analytics(), s.assembly.viewers(), s.assembly.store().auditLog(),
        java.time.Clock.systemUTC());
    for (Endpoint e : api.endpoints()) {
      String path = e.path().replace("{id}", e.operationId().equals("person") ? member.id() : member.team());
      String q = e.filters() ? "?" + RANGE : "?";
      JsonNode page = json(path + q, s.adminToken, 200);
      if (e.filters()) assertThat(page.path("period").path("from").asText()).isEqualTo("2026-10-24");
      for (String table : e.tables().keySet()) {
        HttpResponse<String> csv = s.get(path + q + "&format=csv&table=" + table, s.adminToken);
        assertThat(csv.statusCode()).as(path + " " + table + " " + csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).contains("text/csv; charset=utf-8");
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains(table + ".csv"));
      }
    }
    JsonNode overview = json(Endpoints.BASE + "/overview?" + RANGE, s.adminToken, 200);
    assertThat(overview.get("headcount").asInt()).isEqualTo(40);
    assertThat(overview.get("tokens").get("current").asLong()).isPositive();
  }

  @Test
  void tokensAreScopedToWhatTheirPersonMaySee() throws Exception {
    assertThat(s.get(Endpoints.BASE + "/overview", null).statusCode()).isEqualTo(401);
    assertThat(s.get(Endpoints.BASE + "/overview", "tmx_unknown").statusCode()).isEqualTo(401);
    json(Endpoints.BASE + "/people/" + member.id() + "?" + RANGE, memberToken, 200);
    // Out of scope is answered as not found, exactly like an unknown id.
    json(Endpoints.BASE + "/people/" + manager.id() + "?" + RANGE, memberToken, 404);
    json(Endpoints.BASE + "/people/nobody?" + RANGE, s.adminToken, 404);
    json(Endpoints.BASE + "/unattributed?" + RANGE, memberToken, 403);
    json(Endpoints.BASE + "/audit", managerToken, 403);
    JsonNode lb = json(Endpoints.BASE + "/leaderboard?mode=named&" + RANGE, memberToken, 200);
    for (JsonNode row : lb.get("rows")) {
      if (row.path("self").asBoolean()) assertThat(row.get("personId").asText()).isEqualTo(member.id());
      else assertThat(row.has("personId")).isFalse();
    }
    assertThat(lb.get("self").get("personId").asText()).isEqualTo(member.id());
    // The manager sees their report; that view is audited.
    json(Endpoints.BASE + "/people/" + member.id() + "?" + RANGE, managerToken, 200);
    JsonNode audit = json(Endpoints.BASE + "/audit?person=" + member.id(), s.adminToken, 200);
    assertThat(audit.get("entries")).anySatisfy(e -> {
      assertThat(e.get("resource").asText()).isEqualTo("person");
      assertThat(e.get("action").asText()).isEqualTo("view");
    });
    // A read token of nobody cannot see analytics.
    String nobody = s.assembly.store().tokens().create(TokenScope.READ, null, null, "test").secret();
    json(Endpoints.BASE + "/overview", nobody, 403);
  }

  @Test
  void csvIsEscapedAndGuardedAgainstFormulasAndExportsAreAudited() throws Exception {
    String id = fx.people.get(1).id();
    HttpResponse<String> csv = s.get(Endpoints.BASE + "/people/" + id + "?" + RANGE + "&format=csv&table=summary", s.adminToken);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).contains("person.name").contains("\"'=HYPERLINK(\"\"http://x\"\")\"");
    JsonNode audit = json(Endpoints.BASE + "/audit?person=" + id, s.adminToken, 200);
    assertThat(audit.get("entries")).anySatisfy(e -> assertThat(e.get("action").asText()).isEqualTo("export"));
    HttpResponse<String> rows = s.get(Endpoints.BASE + "/leaderboard?mode=named&format=csv&table=rows&" + RANGE, s.adminToken);
    String header = rows.body().lines().findFirst().orElseThrow();
    // Named rows carry no pseudonym (a name beside a pseudonym would publish the mapping).
    assertThat(header).contains("rank", "name", "outcomes.commits", "tools").doesNotContain("pseudonym");
    String pseudonymous = s.get(Endpoints.BASE + "/leaderboard?mode=pseudonymous&format=csv&table=rows&" + RANGE, memberToken)
        .body().lines().findFirst().orElseThrow();
    assertThat(pseudonymous).contains("rank", "pseudonym", "outcomes.commits", "tools");
    assertThat(CsvTable.guard("-1+1")).isEqualTo("'-1+1");
    assertThat(CsvTable.guard("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvTable.guard("plain")).isEqualTo("plain");
  }

  @Test
  void badParametersAreNamed() throws Exception {
    assertThat(json(Endpoints.BASE + "/overview?from=2026-13-01", s.adminToken, 400).get("error").get("field").asText()).isEqualTo("from");
    assertThat(json(Endpoints.BASE + "/overview?tz=Mars/Olympus", s.adminToken, 400).get("error").get("field").asText()).isEqualTo("tz");
    assertThat(json(Endpoints.BASE + "/leaderboard?measure=vibes", s.adminToken, 400).get("error").get("field").asText()).isEqualTo("measure");
    assertThat(json(Endpoints.BASE + "/leaderboard?limit=0", s.adminToken, 400).get("error").get("field").asText()).isEqualTo("limit");
    assertThat(json(Endpoints.BASE + "/overview?from=2026-11-20&to=2026-11-01", s.adminToken, 400).get("error").get("message").asText())
        .contains("must not be after");
    JsonNode noTable = json(Endpoints.BASE + "/spend?format=csv", s.adminToken, 400);
    assertThat(noTable.get("error").get("field").asText()).isEqualTo("table");
    assertThat(noTable.get("error").get("message").asText()).contains("models", "daily");
    assertThat(json(Endpoints.BASE + "/spend?format=xml", s.adminToken, 400).get("error").get("field").asText()).isEqualTo("format");
  }

  @Test
  void theOpenApiDocumentIsValidAndListsEveryEndpointAndParameter() throws Exception {
    HttpResponse<String> r = s.get("/api/openapi.json", null);
    assertThat(r.statusCode()).isEqualTo(200);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(r.body());
    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI()).isNotNull();
    JsonNode doc = Json.MAPPER.readTree(r.body());
    AnalyticsApi api = new AnalyticsApi(s.assembly.analytics(), s.assembly.viewers(), s.assembly.store().auditLog(),
        java.time.Clock.systemUTC());
    for (Endpoint e : api.endpoints()) {
      JsonNode op = doc.get("paths").get(e.path()).get("get");
      assertThat(op).as(e.path()).isNotNull();
      List<String> names = new ArrayList<>();
      op.get("parameters").forEach(p -> names.add(p.get("name").asText()));
      for (Endpoint.Param p : e.query()) assertThat(names).contains(p.name());
      if (e.filters()) assertThat(names).contains("from", "to", "tz", "department", "team", "tool", "model");
      assertThat(names).contains("format", "table");
      for (String t : e.tables().keySet()) assertThat(op.get("description").asText()).contains(t);
    }
    assertThat(doc.get("components").get("schemas").has("LeaderboardRow")).isTrue();
    // Check-ins and flags are listed too, with their records as schemas.
    assertThat(doc.get("paths").get("/api/v1/checkins/me").has("put")).isTrue();
    assertThat(doc.get("paths").get("/api/v1/checkins/search").has("get")).isTrue();
    assertThat(doc.get("paths").get("/api/v1/flags/{person}/{week}/dismiss").has("post")).isTrue();
    assertThat(doc.get("components").get("schemas").has("CheckinJson.View")).isTrue();
    assertThat(doc.get("components").get("schemas").has("FlagJson.View")).isTrue();
    // The documented submit body has exactly the fields the reader accepts.
    List<String> body = new ArrayList<>();
    doc.get("components").get("schemas").get("CheckinJson.Body").get("properties").fieldNames().forEachRemaining(body::add);
    assertThat(body).containsExactlyInAnyOrderElementsOf(io.tokenmaxx.server.checkin.CheckinJson.FIELDS);
  }
}
