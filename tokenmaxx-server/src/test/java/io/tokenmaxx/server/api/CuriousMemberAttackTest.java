package io.tokenmaxx.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.tokenmaxx.analyze.Role;
import io.tokenmaxx.analyze.store.GroupKey;
import io.tokenmaxx.analyze.store.Scope;
import io.tokenmaxx.analyze.store.UsageRow;
import io.tokenmaxx.demo.DemoSpec;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.identity.TokenScope;
import io.tokenmaxx.server.ServerAssembly;
import io.tokenmaxx.server.TokenmaxxServer;
import io.tokenmaxx.server.config.ConfigLoader;
import io.tokenmaxx.server.config.ServerConfig;
import io.tokenmaxx.server.demo.DemoLoader;
import io.tokenmaxx.server.http.Json;
import io.tokenmaxx.server.web.auth.Passwords;
import io.tokenmaxx.storage.duckdb.DuckDbStorage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The curious member: a demo organization on a real server, attacked with a member's own read and
 * ingest tokens. The member first sends small records of their own under every tool and model (to
 * grow small groups), then reads every GET operation of the OpenAPI document under every filter
 * (each department, team, tool and model, department x tool, several ranges, another time zone),
 * as JSON and as each of its CSV tables, and tries to recover the exact tokens of every group that
 * holds 1 .. k-1 people the member cannot see: directly, as the difference of any two published
 * numbers, and as a published total minus the sum of a table's rows (also per key of a series: the
 * days of a tool). Then the re-identification attack: pseudonymous leaderboard rows joined with the
 * named check-in feed, and pseudonyms joined across views.
 */
class CuriousMemberAttackTest {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 13);
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final int K = 5;
  /** Token totals below this are not checked: small numbers match by coincidence. */
  static final long SMALLEST_TARGET = 5_000;

  @TempDir static Path dir;
  static DuckDbStorage storage;
  static TokenmaxxServer server;
  static String base;
  static String member;
  static String memberTeam;
  static String memberRead;
  static String managerRead;
  static List<Person> people;
  static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() throws Exception {
    storage = DuckDbStorage.builder().inMemory().build();
    DemoSpec spec = new DemoSpec(11, 70, 5, TODAY, ZONE, 1.0, 0.05, DayOfWeek.FRIDAY);
    Passwords passwords = new Passwords(1024, 1, 1);
    DemoLoader.Loaded loaded = new DemoLoader(storage, List.of(new io.tokenmaxx.pricing.PricingEnricher(
        io.tokenmaxx.pricing.PriceCatalog.bundled())), passwords, 2).load(spec);
    people = storage.directory().people();
    String memberEmail = loaded.accounts().stream().filter(a -> a.role() == Role.MEMBER).findFirst().orElseThrow().email();
    String managerEmail = loaded.accounts().stream().filter(a -> a.role() == Role.MANAGER).findFirst().orElseThrow().email();
    Person m = people.stream().filter(p -> memberEmail.equals(p.email())).findFirst().orElseThrow();
    member = m.id();
    memberTeam = m.team();
    String manager = people.stream().filter(p -> managerEmail.equals(p.email())).findFirst().orElseThrow().id();
    ServerConfig config = new ConfigLoader().overrides(Map.of("port", "0", "host", "127.0.0.1",
        "data", dir.toString(), "analytics.zone", ZONE.getId(), "privacy.min-group-size", Integer.toString(K))).load();
    Clock clock = Clock.fixed(TODAY.atTime(15, 0).atZone(ZONE).toInstant(), ZONE);
    server = new ServerAssembly(config, clock).storage(storage).passwords(passwords).build().start();
    base = "http://127.0.0.1:" + server.port();
    memberRead = storage.tokens().create(TokenScope.READ, member, null, "curious member").secret();
    managerRead = storage.tokens().create(TokenScope.READ, manager, null, "manager").secret();
    String memberIngest = storage.tokens().create(TokenScope.INGEST, member, null, "curious member ingest").secret();
    selfSend(memberIngest);
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
  }

  /** One 15-token record of the member's own under every (tool, model) of the organization, today. */
  static void selfSend(String ingestToken) throws Exception {
    Scope all = new Scope(TODAY.minusDays(60), TODAY, ZONE, DayOfWeek.MONDAY, null, null, null, null, null, false);
    StringBuilder body = new StringBuilder();
    int n = 0;
    for (UsageRow r : storage.analytics().sums(all, List.of(GroupKey.TOOL, GroupKey.MODEL))) {
      if (r.key(0) == null) continue;
      body.append(Json.MAPPER.writeValueAsString(new LinkedHashMap<>(Map.of("id", "self-" + n++, "timestamp",
          TODAY.atTime(9, 0).atZone(ZONE).toOffsetDateTime().toString(), "tool", r.key(0),
          "model", r.key(1) == null ? "unknown-model" : r.key(1), "inputTokens", 15)))).append('\n');
    }
    HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest"))
        .header("Authorization", "Bearer " + ingestToken).header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
  }

  static HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * What the attacker collected: every (tokens, cost) pair the answers publish together — a table
   * row, a day of a series, a page's totals, a period of a trend — and the sums of every table's
   * rows (also per value of each text column: the days of one tool). A group is recovered when its
   * own pair is published, is the difference of two published pairs, or is a published pair minus
   * a table's rows. Pairs are compared as one linear key modulo 2^64, tokens x M + cost in units of
   * 10^-18 dollars (costs are exact decimals of at most 18 places, sums of them too), so a
   * difference of keys is the key of the difference; matching both numbers at once keeps chance
   * coincidences among thousands of numbers out.
   */
  static final class Published {
    static final long M = 0x9E3779B97F4A7C15L;
    final Set<Long> pairs = new HashSet<>();
    final Set<Long> sums = new HashSet<>();
    int responses;

    static long key(long tokens, java.math.BigDecimal cost) {
      long units = (cost == null ? java.math.BigDecimal.ZERO : cost).setScale(18, java.math.RoundingMode.HALF_EVEN)
          .movePointRight(18).toBigIntegerExact().longValue();
      return tokens * M + units;
    }

    /** The pair an object publishes, or null. */
    static Long pair(JsonNode o) {
      JsonNode t = o.get("tokens");
      JsonNode c = o.has("cost") ? o.get("cost") : o.get("spend");
      if (t == null || c == null) return null;
      if (t.isIntegralNumber() && (c.isNumber() || c.isNull())) return key(t.asLong(), c.isNull() ? null : c.decimalValue());
      if (t.isObject() && t.path("total").isIntegralNumber() && c.isNumber()) return key(t.get("total").asLong(), c.decimalValue());
      return null;
    }

    void json(JsonNode n) {
      if (n.isObject()) {
        Long k = pair(n);
        if (k != null) pairs.add(k);
        // Trends: tokens and spend of the period and of the previous one.
        JsonNode t = n.get("tokens");
        JsonNode c = n.get("spend");
        if (t != null && c != null && t.isObject() && c.isObject()) {
          for (String f : List.of("current", "previous")) {
            if (t.path(f).isIntegralNumber() && c.path(f).isNumber()) pairs.add(key(t.get(f).asLong(), c.get(f).decimalValue()));
          }
        }
        n.elements().forEachRemaining(this::json);
      } else if (n.isArray()) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode e : n) {
          if (e.isObject() && pair(e) != null) {
            Map<String, Object> row = new HashMap<>();
            row.put("", pair(e));
            e.fields().forEachRemaining(f -> { if (f.getValue().isTextual()) row.put(f.getKey(), f.getValue().asText()); });
            rows.add(row);
          }
          json(e);
        }
        table(rows);
      }
    }

    void csv(String text) throws Exception {
      MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
          .with(CsvSchema.emptySchema().withHeader()).readValues(text);
      List<Map<String, Object>> rows = new ArrayList<>();
      while (it.hasNext()) {
        Map<String, String> r = it.next();
        String t = r.get("tokens");
        String c = r.containsKey("cost") ? r.get("cost") : r.get("spend");
        if (t == null || c == null || !t.matches("-?\\d+")) continue;
        long k = key(Long.parseLong(t), c.isEmpty() ? null : new java.math.BigDecimal(c));
        pairs.add(k);
        Map<String, Object> row = new HashMap<>(r);
        row.put("", k);
        rows.add(row);
      }
      table(rows);
    }

    /** The sum of a table's rows, and the sums per value of every text column. */
    private void table(List<Map<String, Object>> rows) {
      if (rows.isEmpty()) return;
      long total = 0;
      Map<List<String>, Long> byKey = new HashMap<>();
      for (Map<String, Object> row : rows) {
        long k = (Long) row.get("");
        total += k;
        row.forEach((col, v) -> { if (!col.isEmpty() && v instanceof String s) byKey.merge(List.of(col, s), k, Long::sum); });
      }
      sums.add(total);
      sums.addAll(byKey.values());
    }

    /** How the group's pair can be recovered, or null. */
    String recovers(long w) {
      if (pairs.contains(w)) return "published as it is";
      if (sums.contains(w)) return "the sum of a table's rows";
      for (long a : pairs) if (pairs.contains(a - w)) return "the difference of two published rows or totals";
      for (long t : sums) if (pairs.contains(t + w)) return "a published total minus a table's rows";
      return null;
    }
  }

  /** A group of usage the member may not learn: its tokens, and its people besides the member. */
  record Target(String what, long tokens, long othersTokens, java.math.BigDecimal cost, java.math.BigDecimal othersCost,
      Set<String> others) {}

  @Test
  void nothingBelowKPeopleIsRecoverableFromEveryEndpointTableFilterAndCsv() throws Exception {
    JsonNode openapi = Json.MAPPER.readTree(get("/api/openapi.json", memberRead).body());
    JsonNode overview = Json.MAPPER.readTree(get("/api/v1/analytics/overview", memberRead).body());
    LocalDate from = LocalDate.parse(overview.at("/period/from").asText());
    LocalDate to = LocalDate.parse(overview.at("/period/to").asText());

    Set<String> departments = new TreeSet<>();
    Set<String> teams = new TreeSet<>();
    for (Person p : people) {
      if (p.department() != null) departments.add(p.department());
      if (p.team() != null) teams.add(p.team());
    }
    Scope range = new Scope(from, to, ZONE, DayOfWeek.MONDAY, null, null, null, null, null, true);
    Set<String> tools = new TreeSet<>();
    Set<String> models = new TreeSet<>();
    for (UsageRow r : storage.analytics().sums(range, List.of(GroupKey.TOOL, GroupKey.MODEL))) {
      if (r.key(0) != null) tools.add(r.key(0));
      if (r.key(1) != null) models.add(r.key(1));
    }
    List<String> variants = new ArrayList<>();
    variants.add("");
    for (String d : departments) variants.add("department=" + enc(d));
    for (String t : teams) variants.add("team=" + enc(t));
    for (String t : tools) variants.add("tool=" + enc(t));
    for (String m : models) variants.add("model=" + enc(m));
    variants.add("from=" + TODAY.minusDays(6) + "&to=" + TODAY);
    variants.add("from=" + TODAY.minusDays(26) + "&to=" + TODAY);
    variants.add("from=" + TODAY.minusDays(27) + "&to=" + TODAY.minusDays(1));
    variants.add("from=" + TODAY.minusDays(13) + "&to=" + TODAY.minusDays(7));
    variants.add("tz=UTC");
    List<String> pairs = new ArrayList<>();
    for (String d : departments) for (String t : tools) pairs.add("department=" + enc(d) + "&tool=" + enc(t));
    for (String t : teams) for (String m : tools) pairs.add("team=" + enc(t) + "&tool=" + enc(m));

    Published p = new Published();
    Iterator<Map.Entry<String, JsonNode>> paths = openapi.get("paths").fields();
    int operations = 0;
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> e = paths.next();
      JsonNode op = e.getValue().get("get");
      String path = e.getKey();
      if (op == null || !path.startsWith("/api/v1/") || path.contains("leaderboard")) continue;
      operations++;
      // Usage figures (the analytics operations) under every filter; the others (check-ins, flags,
      // plans, the directory) as they are.
      boolean filters = false;
      for (JsonNode param : op.path("parameters")) filters |= "department".equals(param.path("name").asText());
      filters &= path.startsWith("/api/v1/analytics/");
      List<String> tables = tables(op.path("description").asText());
      boolean group = path.contains("{id}");
      boolean own = path.endsWith("/people/{id}");
      for (String concrete : concrete(path, teams)) {
        // The member's own page is theirs in full; a team's page ignores the department and team
        // filters. CSV tables hold the page's rows: read for every range, and JSON for every filter.
        for (String v : filters && !own ? variants : List.of("")) {
          if (group && (v.startsWith("department=") || v.startsWith("team="))) continue;
          boolean ranges = v.isEmpty() || v.startsWith("from=") || v.startsWith("tz=");
          crawl(p, concrete, v, ranges || !group ? tables : List.of());
        }
        if (filters && !group) for (String v : pairs) crawl(p, concrete, v, List.of());
      }
    }
    assertThat(operations).as("GET operations of the OpenAPI document").isGreaterThanOrEqualTo(10);
    assertThat(p.responses).isGreaterThan(500);

    List<Target> targets = targets(from, to);
    assertThat(targets).as("groups of 1 .. k-1 people the member cannot see").hasSizeGreaterThan(30);
    List<String> leaks = new ArrayList<>();
    for (Target t : targets) {
      Map<Long, Long> keys = new LinkedHashMap<>();
      keys.put(Published.key(t.tokens(), t.cost()), t.tokens());
      keys.put(Published.key(t.othersTokens(), t.othersCost()), t.othersTokens());
      for (Map.Entry<Long, Long> k : keys.entrySet()) {
        if (k.getValue() < SMALLEST_TARGET) continue;
        String how = p.recovers(k.getKey());
        if (how != null) leaks.add(t.what() + " (" + t.others().size() + " people, " + k.getValue() + " tokens): " + how);
      }
    }
    assertThat(leaks).as("groups of fewer than k people recovered from " + p.responses + " answers").isEmpty();
  }

  /** Each concrete path of an operation: every person id and team id for the path's {id}. */
  static List<String> concrete(String path, Set<String> teams) {
    if (!path.contains("{")) return List.of(path);
    List<String> out = new ArrayList<>();
    if (path.endsWith("/teams/{id}")) for (String t : teams) out.add(path.replace("{id}", enc(t)));
    else if (path.endsWith("/people/{id}")) out.add(path.replace("{id}", member));
    return out;
  }

  /** The CSV tables an operation's description lists. */
  static List<String> tables(String description) {
    int i = description.indexOf("CSV tables (format=csv&table=...): ");
    if (i < 0) return List.of();
    String rest = description.substring(i + "CSV tables (format=csv&table=...): ".length());
    int end = rest.indexOf('.');
    if (rest.indexOf('\n') >= 0 && (end < 0 || rest.indexOf('\n') < end)) end = rest.indexOf('\n');
    List<String> out = new ArrayList<>();
    for (String t : (end < 0 ? rest : rest.substring(0, end)).split(",")) if (!t.isBlank()) out.add(t.strip());
    return out;
  }

  static void crawl(Published p, String path, String variant, List<String> tables) throws Exception {
    String q = variant.isEmpty() ? "" : "?" + variant;
    HttpResponse<String> r = get(path + q, memberRead);
    p.responses++;
    assertThat(r.statusCode()).as(path + q + " " + r.body()).isLessThan(500);
    if (r.statusCode() != 200) return;
    if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) p.json(Json.MAPPER.readTree(r.body()));
    for (String t : tables) {
      HttpResponse<String> c = get(path + (q.isEmpty() ? "?" : q + "&") + "format=csv&table=" + t, memberRead);
      p.responses++;
      assertThat(c.statusCode()).as(path + q + " table " + t + " " + c.body()).isEqualTo(200);
      if (!c.body().isBlank()) p.csv(c.body());
    }
  }

  /**
   * Ground truth from the store: every group (team, department, tool, model, their pairs, and
   * each of those per week and per day) over the member's range with 1 .. k-1 people besides the
   * member, with and without the member's own usage.
   */
  static List<Target> targets(LocalDate from, LocalDate to) {
    Map<String, Person> byId = new HashMap<>();
    for (Person x : people) byId.put(x.id(), x);
    Scope range = new Scope(from, to, ZONE, DayOfWeek.MONDAY, null, null, null, null, null, true);
    record Fact(String team, String dept, String tool, String model, String week, String day, String person, long tokens,
        java.math.BigDecimal cost) {}
    List<Fact> facts = new ArrayList<>();
    for (UsageRow r : storage.analytics().sums(range, List.of(GroupKey.TOOL, GroupKey.MODEL, GroupKey.DAY, GroupKey.PERSON))) {
      Person x = byId.get(r.key(3));
      LocalDate day = LocalDate.parse(r.key(2));
      facts.add(new Fact(x.team(), x.department(), r.key(0), r.key(1), day.with(DayOfWeek.MONDAY).toString(), r.key(2),
          r.key(3), r.totalTokens(), r.cost()));
    }
    Map<String, Function<Fact, String>> dims = new LinkedHashMap<>();
    dims.put("team", Fact::team);
    dims.put("department", Fact::dept);
    dims.put("tool", Fact::tool);
    dims.put("model", Fact::model);
    Map<String, Function<Fact, String>> groupings = new LinkedHashMap<>(dims);
    List<String> names = new ArrayList<>(dims.keySet());
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        Function<Fact, String> a = dims.get(names.get(i));
        Function<Fact, String> b = dims.get(names.get(j));
        groupings.put(names.get(i) + " x " + names.get(j), f -> a.apply(f) + " / " + b.apply(f));
      }
    }
    for (String d : names) {
      Function<Fact, String> a = dims.get(d);
      groupings.put(d + " x week", f -> a.apply(f) + " / week " + f.week());
      groupings.put(d + " x day", f -> a.apply(f) + " / " + f.day());
    }
    List<Target> out = new ArrayList<>();
    groupings.forEach((name, key) -> {
      Map<String, long[]> tokens = new TreeMap<>();
      Map<String, java.math.BigDecimal[]> cost = new HashMap<>();
      Map<String, Set<String>> others = new HashMap<>();
      for (Fact f : facts) {
        String k = key.apply(f);
        long[] t = tokens.computeIfAbsent(k, x -> new long[2]);
        java.math.BigDecimal[] c = cost.computeIfAbsent(k, x -> new java.math.BigDecimal[] {java.math.BigDecimal.ZERO,
            java.math.BigDecimal.ZERO});
        t[0] += f.tokens();
        c[0] = c[0].add(f.cost());
        if (!f.person().equals(member)) {
          t[1] += f.tokens();
          c[1] = c[1].add(f.cost());
          others.computeIfAbsent(k, x -> new HashSet<>()).add(f.person());
        }
      }
      tokens.forEach((k, t) -> {
        Set<String> o = others.getOrDefault(k, Set.of());
        java.math.BigDecimal[] c = cost.get(k);
        if (!o.isEmpty() && o.size() < K) out.add(new Target(name + " " + k, t[0], t[1], c[0], c[1], o));
      });
    });
    return out;
  }

  @Test
  void leaderboardOfASmallGroupIsSuppressedAndPseudonymsDoNotJoinNamedFeeds() throws Exception {
    // Every team's leaderboard: rows of a team the member may not see in aggregate would add up to it.
    Map<String, Set<String>> members = new HashMap<>();
    for (Person x : people) if (x.team() != null) members.computeIfAbsent(x.team(), t -> new HashSet<>()).add(x.id());
    Set<String> pseudonyms = new HashSet<>();
    int identified = 0;
    int rowsSeen = 0;
    for (Map.Entry<String, Set<String>> team : members.entrySet()) {
      Set<String> others = new HashSet<>(team.getValue());
      others.remove(member);
      for (String measure : List.of("tokens", "active-days")) {
        JsonNode lb = Json.MAPPER.readTree(get("/api/v1/analytics/leaderboard?team=" + enc(team.getKey()) + "&measure="
            + measure + "&mode=pseudonymous", memberRead).body());
        if (others.size() < K) {
          assertThat(lb.path("rows")).as("leaderboard of team " + team.getKey() + " (" + others.size() + " others)").isEmpty();
        }
        // The named check-in feed of the same team: each author's check-ins in the range.
        Map<String, Integer> checkins = new HashMap<>();
        for (JsonNode c : Json.MAPPER.readTree(get("/api/v1/checkins?team=" + enc(team.getKey()) + "&limit=1000", memberRead)
            .body()).path("checkins")) {
          checkins.merge(c.path("person").asText(), 1, Integer::sum);
        }
        for (JsonNode row : lb.path("rows")) {
          if (row.path("self").asBoolean()) continue;
          rowsSeen++;
          assertThat(row.path("personId").isNull() || row.path("personId").isMissingNode()).isTrue();
          String pseudonym = row.path("pseudonym").asText();
          assertThat(pseudonyms.add(pseudonym)).as("pseudonym " + pseudonym + " seen in another view").isTrue();
          // Attributes shared with the named feed beside the pseudonym: none may be there.
          JsonNode context = row.path("context");
          for (String key : List.of(io.tokenmaxx.server.checkin.CheckinContext.CHECKINS,
              io.tokenmaxx.server.checkin.CheckinContext.STREAK, io.tokenmaxx.server.checkin.CheckinContext.FLAGGED)) {
            assertThat(context.has(key)).as("'" + key + "' beside pseudonym " + pseudonym).isFalse();
          }
          List<String> candidates = new ArrayList<>();
          for (Map.Entry<String, Integer> author : checkins.entrySet()) {
            JsonNode n = context.get(io.tokenmaxx.server.checkin.CheckinContext.CHECKINS);
            if (n != null && n.asInt() == author.getValue()) candidates.add(author.getKey());
          }
          if (candidates.size() == 1) identified++;
        }
      }
    }
    assertThat(rowsSeen).as("pseudonymous rows of teammates and others").isGreaterThan(20);
    assertThat(identified).as("pseudonymous rows matched to a named check-in author").isZero();

    // A manager never sees a pseudonym beside a name, so cannot publish a mapping.
    JsonNode lb = Json.MAPPER.readTree(get("/api/v1/analytics/leaderboard?measure=tokens&mode=named", managerRead).body());
    for (JsonNode row : lb.path("rows")) {
      assertThat(row.path("name").isTextual() && row.path("pseudonym").isTextual()).as(row.toString()).isFalse();
    }
  }

  @Test
  void loadedCostsAreAdminsOnlyAndAnOutOfScopePersonIsNotFound() throws Exception {
    JsonNode list = Json.MAPPER.readTree(get("/api/v1/people", memberRead).body());
    for (JsonNode x : list.path("people")) {
      if (!x.path("id").asText().equals(member)) {
        assertThat(x.path("annualLoadedCost").isNull() || x.path("annualLoadedCost").isMissingNode()).as(x.toString()).isTrue();
      }
    }
    for (String team : List.of(memberTeam, people.getFirst().team())) {
      JsonNode page = Json.MAPPER.readTree(get("/api/v1/analytics/teams/" + enc(team), memberRead).body());
      assertThat(page.at("/spendShare/loadedCost").isNull() || page.at("/spendShare/loadedCost").isMissingNode()).isTrue();
    }
    String other = people.stream().map(Person::id).filter(id -> !id.equals(member)).findFirst().orElseThrow();
    HttpResponse<String> hidden = get("/api/v1/analytics/people/" + other, memberRead);
    HttpResponse<String> missing = get("/api/v1/analytics/people/no-such-person", memberRead);
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(hidden.body().replace(other, "X")).isEqualTo(missing.body().replace("no-such-person", "X"));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
