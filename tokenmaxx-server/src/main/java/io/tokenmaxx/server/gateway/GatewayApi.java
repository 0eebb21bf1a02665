package io.tokenmaxx.server.gateway;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.tokenmaxx.gateway.keys.KeyStore;
import io.tokenmaxx.gateway.keys.VirtualKey;
import io.tokenmaxx.gateway.record.GatewayRecord;
import io.tokenmaxx.gateway.record.GatewayRecordJson;
import io.tokenmaxx.gateway.record.RecordSink;
import io.tokenmaxx.gateway.route.Savings;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.metering.CascadeStore;
import io.tokenmaxx.metering.RoutingLog;
import io.tokenmaxx.model.RecordLimits;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.server.api.ApiOperation;
import io.tokenmaxx.server.api.ApiOperation.QueryParam;
import io.tokenmaxx.server.auth.Principal;
import io.tokenmaxx.server.auth.RequestAuth;
import io.tokenmaxx.server.http.ApiError;
import io.tokenmaxx.server.http.Bodies;
import io.tokenmaxx.server.http.Json;
import io.helidon.http.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The gateway's API beside its routes: budgets and their consumption, the cascade savings table,
 * and what a standalone gateway ({@code tokenmaxx gateway}) needs from its server — its records
 * taken in, and gateway keys looked up by the hash of their secret.
 */
public final class GatewayApi implements HttpService {
  static final int DEFAULT_DAYS = 30;

  private final RequestAuth auth;
  private final Supplier<List<GatewaySchema.BudgetView>> budgets;
  private final CascadeStore cascades;
  private final RoutingLog routing;
  private final RecordSink sink;
  private final KeyStore keys;
  private final Directory directory;
  private final ZoneId zone;
  private final Clock clock;
  private final long maxBodyBytes;

  public GatewayApi(RequestAuth auth, Supplier<List<GatewaySchema.BudgetView>> budgets, CascadeStore cascades,
      RoutingLog routing, RecordSink sink, KeyStore keys, Directory directory, ZoneId zone, Clock clock, long maxBodyBytes) {
    this.auth = auth;
    this.budgets = budgets;
    this.cascades = cascades;
    this.routing = routing;
    this.sink = sink;
    this.keys = keys;
    this.directory = directory;
    this.zone = zone;
    this.clock = clock;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/api/v1/gateway/budgets", this::budgets)
        .get("/api/v1/gateway/savings", this::savings)
        .get("/api/v1/gateway/requests", this::requests)
        .post("/api/v1/gateway/records", this::records)
        .get("/api/v1/gateway/keys/{hash}", this::key);
  }

  private void budgets(ServerRequest req, ServerResponse res) {
    Principal p = auth.require(req, Principal.Scope.READ);
    Json.ok(res, new GatewaySchema.BudgetList(visible(p, budgets.get())));
  }

  /** An admin sees every budget; anyone else the budgets of their own person and team. */
  List<GatewaySchema.BudgetView> visible(Principal p, List<GatewaySchema.BudgetView> all) {
    if (p.can(Principal.Scope.ADMIN)) return all;
    String team = p.team();
    if (team == null && p.personId() != null) team = directory.person(p.personId()).map(Person::team).orElse(null);
    List<GatewaySchema.BudgetView> out = new ArrayList<>();
    for (GatewaySchema.BudgetView b : all) {
      if (p.personId() != null && b.scope().equals("person:" + p.personId())) out.add(b);
      else if (team != null && b.scope().equals("team:" + team)) out.add(b);
    }
    return out;
  }

  private void savings(ServerRequest req, ServerResponse res) {
    auth.require(req, Principal.Scope.READ);
    Json.ok(res, savings(date(req, "to", LocalDate.now(clock.withZone(zone))), req));
  }

  private GatewaySchema.SavingsTable savings(LocalDate to, ServerRequest req) {
    LocalDate from = date(req, "from", to.minusDays(DEFAULT_DAYS - 1));
    if (from.isAfter(to)) throw ApiError.badRequest("from", "must not be after 'to' (" + to + "), was " + from);
    return table(from, to);
  }

  /** The savings table of {@code [from, to]} in the organization's zone. */
  public GatewaySchema.SavingsTable table(LocalDate from, LocalDate to) {
    List<Savings.Row> rows = new ArrayList<>();
    for (CascadeStore.Sum s : cascades.sums(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant())) {
      rows.add(Savings.row(s.modelClass(), s.requests(), s.escalated(), s.actualCost(), s.strongCost()));
    }
    return new GatewaySchema.SavingsTable(from, to, rows);
  }

  static final int DEFAULT_REQUESTS = 100;
  static final int MAX_REQUESTS = 1000;

  /**
   * Routing decisions of a date range, newest first: an admin sees every request, a person's token
   * that person's, a team's token that team's.
   */
  private void requests(ServerRequest req, ServerResponse res) {
    Principal p = auth.require(req, Principal.Scope.READ);
    LocalDate to = date(req, "to", LocalDate.now(clock.withZone(zone)));
    LocalDate from = date(req, "from", to.minusDays(DEFAULT_DAYS - 1));
    if (from.isAfter(to)) throw ApiError.badRequest("from", "must not be after 'to' (" + to + "), was " + from);
    int limit = DEFAULT_REQUESTS;
    var l = req.query().first("limit");
    if (l.isPresent() && !l.get().isBlank()) {
      try {
        limit = Integer.parseInt(l.get().trim());
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX_REQUESTS) {
        throw ApiError.badRequest("limit", "must be a whole number from 1 to " + MAX_REQUESTS + ", was '" + l.get() + "'");
      }
    }
    String person = null;
    String team = null;
    if (!p.can(Principal.Scope.ADMIN)) {
      person = p.personId();
      if (person == null) team = p.team();
      if (person == null && team == null) throw ApiError.forbidden("routing decisions are shown to admins, a person or a team");
    }
    java.time.Instant start = from.atStartOfDay(zone).toInstant();
    java.time.Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
    Json.ok(res, new GatewaySchema.RoutingList(start, end, limit, routing.recent(start, end, person, team, limit)));
  }

  /** Routing decisions of {@code [from, to]} in the organization's zone, newest first, narrowed to a person or team when given. */
  public List<io.tokenmaxx.metering.RoutingDecision> recent(LocalDate from, LocalDate to, String person, String team, int limit) {
    return routing.recent(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(), person, team,
        limit);
  }

  private static LocalDate date(ServerRequest req, String name, LocalDate otherwise) {
    var v = req.query().first(name);
    if (v.isEmpty() || v.get().isBlank()) return otherwise;
    try {
      return LocalDate.parse(v.get().trim());
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest(name, "must be a date such as 2026-05-01, was '" + v.get() + "'");
    }
  }

  /** A standalone gateway's records (NDJSON of gateway records); each bad line is refused on its own. */
  private void records(ServerRequest req, ServerResponse res) throws Exception {
    Principal p = auth.require(req, Principal.Scope.INGEST);
    requireGatewayToken(p);
    String body = new String(Bodies.read(req, maxBodyBytes), StandardCharsets.UTF_8);
    List<GatewayRecord> good = new ArrayList<>();
    List<GatewaySchema.Refused> refused = new ArrayList<>();
    int n = 0;
    for (String line : body.split("\n")) {
      n++;
      if (line.isBlank()) continue;
      try {
        GatewayRecord r = GatewayRecordJson.read(line);
        String problem = null;
        for (UsageRecord u : r.allUsage()) {
          if (!io.tokenmaxx.model.Sources.GATEWAY.equals(u.source())) problem = "usage.source: must be gateway, was '" + u.source() + "'";
          if (problem == null) problem = RecordLimits.problem(u);
          if (problem != null) break;
        }
        if (problem != null) refused.add(new GatewaySchema.Refused(n, problem));
        else good.add(r);
      } catch (IOException e) {
        refused.add(new GatewaySchema.Refused(n, "not a gateway record: " + e.getMessage()));
      }
    }
    if (!good.isEmpty()) sink.accept(good);
    Json.send(res, refused.isEmpty() ? Status.OK_200 : (good.isEmpty() ? Status.BAD_REQUEST_400 : Status.OK_200),
        new GatewaySchema.RecordsAccepted(good.size(), refused));
  }

  private void key(ServerRequest req, ServerResponse res) {
    Principal p = auth.require(req, Principal.Scope.INGEST);
    requireGatewayToken(p);
    String hash = req.path().pathParameters().get("hash");
    if (!hash.matches("[0-9a-f]{64}")) throw ApiError.badRequest("hash", "must be the 64 hex digits of a SHA-256");
    VirtualKey k = keys.findByHash(hash);
    if (k == null) throw ApiError.notFound("no gateway key with that hash");
    Json.ok(res, new GatewaySchema.KeyView(k.id(), k.person(), k.team(), k.description(), k.created(), k.revoked(),
        k.strategy(), k.models().stream().sorted().toList()));
  }

  /**
   * A standalone gateway speaks for many people: it needs an ingest token of a team or an admin
   * token (a person's token may only send that person's own usage).
   */
  private static void requireGatewayToken(Principal p) {
    if (p.personId() != null && !p.can(Principal.Scope.ADMIN)) {
      throw ApiError.forbidden("a gateway sends usage of many people: use a team ingest token (tokenmaxx token create "
          + "--team T) or an admin token, not a person's");
    }
  }

  /** This service's operations for the OpenAPI document. */
  public static List<ApiOperation> operations() {
    List<QueryParam> range = List.of(new QueryParam("from", "first day (default: 30 days before 'to')", "string"),
        new QueryParam("to", "last day, inclusive (default: today in the organization's zone)", "string"));
    return List.of(
        new ApiOperation("get", "/api/v1/gateway/budgets", "gatewayBudgets", "gateway",
            "Gateway budgets and their consumption in the current window",
            "An admin sees every budget; other tokens the budgets of their person and team. 'reserved' is held by "
                + "requests in flight.", List.of(), null, GatewaySchema.BudgetList.class),
        new ApiOperation("get", "/api/v1/gateway/savings", "gatewaySavings", "gateway",
            "What the cheap-first cascade saved, per model class",
            "Cost of what was served (escalated answers included) against sending every request to the route's "
                + "strongest model.", range, null, GatewaySchema.SavingsTable.class),
        new ApiOperation("get", "/api/v1/gateway/requests", "gatewayRequests", "gateway",
            "How the gateway routed each request: every target tried, why it moved on, what each try cost",
            "Newest first. An admin sees every request, a person's token that person's, a team's token that team's. "
                + "Never prompt or answer text.",
            java.util.stream.Stream.concat(range.stream(), java.util.stream.Stream.of(
                new QueryParam("limit", "most requests returned, 1 to " + MAX_REQUESTS + " (default " + DEFAULT_REQUESTS + ")",
                    "integer"))).toList(), null, GatewaySchema.RoutingList.class),
        new ApiOperation("post", "/api/v1/gateway/records", "gatewayRecords", "gateway",
            "Records of a standalone gateway (NDJSON, one gateway record a line)",
            "Needs a team ingest token or an admin token. Bad lines are refused one by one; the rest is kept.",
            List.of(), null, GatewaySchema.RecordsAccepted.class),
        new ApiOperation("get", "/api/v1/gateway/keys/{hash}", "gatewayKey", "gateway",
            "A gateway key by the SHA-256 (hex) of its secret, for a standalone gateway",
            "Needs a team ingest token or an admin token; revoked keys are returned with 'revoked' set.",
            List.of(), null, GatewaySchema.KeyView.class));
  }
}
