package io.tokenmaxx.server.guard;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.tokenmaxx.analyze.Viewer;
import io.tokenmaxx.guard.FlagFilter;
import io.tokenmaxx.guard.FlagStore;
import io.tokenmaxx.guard.GuardFlag;
import io.tokenmaxx.guard.GuardRunner;
import io.tokenmaxx.guard.GuardWeeks;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.server.api.ViewerResolver;
import io.tokenmaxx.server.auth.Principal;
import io.tokenmaxx.server.auth.RequestAuth;
import io.tokenmaxx.server.checkin.People;
import io.tokenmaxx.server.http.ApiError;
import io.tokenmaxx.server.http.Bodies;
import io.tokenmaxx.server.http.Json;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Goodhart guard's API. Flags are person-level: admins see every flag, managers their
 * subtree's, members their own. Only admins review (dismiss with a reason, or reopen) and run
 * detection on demand.
 *
 * <ul>
 *   <li>{@code GET /api/v1/flags?since=DATE&status=open|dismissed|all&person=ID}
 *   <li>{@code GET /api/v1/flags/{person}/{week}}
 *   <li>{@code POST /api/v1/flags/{person}/{week}/dismiss} with {@code {"reason": "..."}}, {@code .../reopen}
 *   <li>{@code POST /api/v1/flags/run?from=DATE&to=DATE} (default: the recent weeks)
 *   <li>{@code GET /api/v1/guard} thresholds and the last run
 * </ul>
 */
public final class GuardApi implements HttpService {
  private final GuardSchedule schedule;
  private final FlagStore flags;
  private final Directory directory;
  private final RequestAuth auth;
  private final ViewerResolver viewers;
  private final Clock clock;

  public GuardApi(GuardSchedule schedule, FlagStore flags, Directory directory, RequestAuth auth,
      ViewerResolver viewers, Clock clock) {
    this.schedule = schedule;
    this.flags = flags;
    this.directory = directory;
    this.auth = auth;
    this.viewers = viewers;
    this.clock = clock;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/api/v1/guard", this::status)
        .post("/api/v1/flags/run", this::run)
        .get("/api/v1/flags", this::list)
        .get("/api/v1/flags/{person}/{week}", this::one)
        .post("/api/v1/flags/{person}/{week}/dismiss", (req, res) -> review(req, res, GuardFlag.Status.DISMISSED))
        .post("/api/v1/flags/{person}/{week}/reopen", (req, res) -> review(req, res, GuardFlag.Status.OPEN));
  }

  private Viewer viewer(ServerRequest req) {
    return viewers.resolve(req).orElseThrow(() -> ApiError.unauthorized(
        "missing token: send 'Authorization: Bearer <token>' (a person's read token or an admin token)"));
  }

  private static Optional<String> param(ServerRequest req, String name) {
    return req.query().first(name).asOptional().map(String::strip).filter(s -> !s.isEmpty());
  }

  private static LocalDate date(String field, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest(field, "'" + text + "' is not a date (YYYY-MM-DD)");
    }
  }

  private void list(ServerRequest req, ServerResponse res) {
    Viewer v = viewer(req);
    LocalDate since = param(req, "since").map(s -> GuardWeeks.mondayOf(date("since", s))).orElse(null);
    String statusText = param(req, "status").orElse("all").toLowerCase(Locale.ROOT);
    GuardFlag.Status status;
    try {
      status = statusText.equals("all") ? null : GuardFlag.Status.parse(statusText);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("status", "must be open, dismissed or all, was '" + statusText + "'");
    }
    List<String> persons = param(req, "person").map(List::of).orElse(List.of());
    List<GuardFlag> found = flags.list(new FlagFilter(since, null, status, java.util.Set.copyOf(persons)))
        .stream().filter(f -> v.canSee(f.person())).toList();
    Map<String, Person> people = People.of(directory, found.stream().map(GuardFlag::person).toList());
    List<FlagJson.View> out = new ArrayList<>();
    for (GuardFlag f : found) out.add(FlagJson.of(f, people.get(f.person())));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("flags", out);
    body.put("count", out.size());
    GuardRunner.Run last = schedule.last();
    if (last != null) body.put("lastRun", last.at());
    Json.ok(res, body);
  }

  private GuardFlag target(ServerRequest req, Viewer v) {
    String person = req.path().pathParameters().get("person");
    LocalDate week = GuardWeeks.mondayOf(date("week", req.path().pathParameters().get("week")));
    if (!v.canSee(person)) throw ApiError.notFound("no flag for " + person + " in week " + week);
    return flags.get(person, week).orElseThrow(() -> ApiError.notFound("no flag for " + person + " in week " + week));
  }

  private void one(ServerRequest req, ServerResponse res) {
    GuardFlag f = target(req, viewer(req));
    Json.ok(res, FlagJson.of(f, directory.person(f.person()).orElse(null)));
  }

  private void review(ServerRequest req, ServerResponse res, GuardFlag.Status status) throws IOException {
    Principal p = auth.require(req, Principal.Scope.ADMIN);
    GuardFlag f = target(req, Viewer.admin(p.subject(), p.personId(), 1));
    JsonNode body = Json.MAPPER.readTree(Bodies.read(req, 64 * 1024));
    String reason = body != null && body.hasNonNull("reason") ? body.get("reason").asText().strip() : "";
    if (status == GuardFlag.Status.DISMISSED && reason.isEmpty()) {
      throw ApiError.badRequest("reason", "say why the flag is dismissed (it is kept with the flag)");
    }
    if (reason.length() > 2000) throw ApiError.badRequest("reason", "at most 2000 characters");
    String by = p.personId() != null ? directory.person(p.personId()).map(x -> x.email() != null ? x.email() : x.id())
        .orElse(p.personId()) : p.subject();
    flags.review(f.person(), f.week(), status, by, reason.isEmpty() ? null : reason, clock.instant());
    GuardFlag updated = flags.get(f.person(), f.week()).orElseThrow();
    Json.ok(res, FlagJson.of(updated, directory.person(f.person()).orElse(null)));
  }

  private void run(ServerRequest req, ServerResponse res) {
    auth.require(req, Principal.Scope.ADMIN);
    Optional<String> from = param(req, "from");
    Optional<String> to = param(req, "to");
    GuardRunner.Run r;
    if (from.isEmpty() && to.isEmpty()) {
      r = schedule.runRecent();
    } else {
      LocalDate f = GuardWeeks.mondayOf(date("from", from.orElseThrow(() -> ApiError.badRequest("from", "give from with to"))));
      LocalDate t = GuardWeeks.mondayOf(date("to", to.orElseThrow(() -> ApiError.badRequest("to", "give to with from")))).plusWeeks(1);
      if (!f.isBefore(t)) throw ApiError.badRequest("to", "must not be before from");
      if (f.plusWeeks(104).isBefore(t)) throw ApiError.badRequest("to", "at most 104 weeks per run");
      r = schedule.run(f, t);
    }
    Json.ok(res, runJson(r));
  }

  static Map<String, Object> runJson(GuardRunner.Run r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fromWeek", r.fromWeek());
    m.put("toWeek", r.toWeek());
    m.put("personWeeks", r.personWeeks());
    m.put("flagged", r.flagged());
    m.put("added", r.update().added());
    m.put("updated", r.update().updated());
    m.put("removed", r.update().removed());
    m.put("at", r.at());
    m.put("tookMs", r.took().toMillis());
    return m;
  }

  private void status(ServerRequest req, ServerResponse res) {
    viewer(req);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("thresholds", schedule.runner().config().asMap());
    if (schedule.last() != null) m.put("lastRun", runJson(schedule.last()));
    if (schedule.lastError() != null) m.put("lastError", schedule.lastError());
    m.put("lastChangedWeeks", schedule.lastChanged().stream().map(Object::toString).toList());
    Json.ok(res, m);
  }

  /** The review body: why a flag is dismissed (required) or reopened (optional). */
  public record Review(String reason) {}

  /** The guard's operations for the OpenAPI document. */
  public static List<io.tokenmaxx.server.api.ApiOperation> operations() {
    String who = " Admins see every flag; managers their reporting subtree; a person's read token their own.";
    var from = new io.tokenmaxx.server.api.ApiOperation.QueryParam("from", "First week (YYYY-MM-DD)", "string");
    var to = new io.tokenmaxx.server.api.ApiOperation.QueryParam("to", "Last week (YYYY-MM-DD)", "string");
    return List.of(
        op("get", "/api/v1/flags", "listFlags", "Flagged person-weeks with the evidence for each",
            "{flags: [...], count, lastRun}: newest week first." + who,
            List.of(new io.tokenmaxx.server.api.ApiOperation.QueryParam("since", "From the week of this day (YYYY-MM-DD)", "string"),
                new io.tokenmaxx.server.api.ApiOperation.QueryParam("status", "open, dismissed or all (default)", "string"),
                new io.tokenmaxx.server.api.ApiOperation.QueryParam("person", "Person id or e-mail", "string")),
            null, Map.class),
        op("get", "/api/v1/flags/{person}/{week}", "flag", "One flagged person-week", "week: its Monday (YYYY-MM-DD)."
            + who, List.of(), null, FlagJson.View.class),
        op("post", "/api/v1/flags/{person}/{week}/dismiss", "dismissFlag", "Dismiss a flag, saying why",
            "Admin token. The reason is kept with the flag, with who dismissed it and when; a later run of the "
                + "guard keeps the review.", List.of(), Review.class, FlagJson.View.class),
        op("post", "/api/v1/flags/{person}/{week}/reopen", "reopenFlag", "Reopen a dismissed flag",
            "Admin token.", List.of(), Review.class, FlagJson.View.class),
        op("post", "/api/v1/flags/run", "runGuard", "Run the Goodhart guard now",
            "Admin token. Recomputes the flags of the recent weeks (guard.lookback-weeks) and of every older week that "
                + "received data since the last run (with the weeks whose baselines read it), or of from..to: {fromWeek, "
                + "toWeek, personWeeks, flagged, added, updated, removed, at, tookMs}.", List.of(from, to), null, Map.class),
        op("get", "/api/v1/guard", "guardStatus", "The guard's thresholds and last run",
            "{thresholds: {setting: value}, lastRun, lastError, lastChangedWeeks (weeks whose data had changed when "
                + "the last scheduled run started)}.", List.of(), null, Map.class));
  }

  private static io.tokenmaxx.server.api.ApiOperation op(String method, String path, String id, String summary,
      String description, List<io.tokenmaxx.server.api.ApiOperation.QueryParam> query, Class<?> body, Class<?> response) {
    return new io.tokenmaxx.server.api.ApiOperation(method, path, id, "flags", summary, description, query, body,
        response);
  }
}
