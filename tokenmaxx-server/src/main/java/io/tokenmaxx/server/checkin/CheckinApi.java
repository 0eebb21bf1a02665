package io.tokenmaxx.server.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.tokenmaxx.analyze.Viewer;
import io.tokenmaxx.checkin.CheckIn;
import io.tokenmaxx.checkin.CheckinCalendar;
import io.tokenmaxx.checkin.CheckinExport;
import io.tokenmaxx.checkin.CheckinFilter;
import io.tokenmaxx.checkin.CheckinSearch;
import io.tokenmaxx.checkin.CheckinService;
import io.tokenmaxx.checkin.Digest;
import io.tokenmaxx.checkin.DigestMarkdown;
import io.tokenmaxx.checkin.Reader;
import io.tokenmaxx.checkin.Reminders;
import io.tokenmaxx.checkin.Streaks;
import io.tokenmaxx.checkin.WeekClosedException;
import io.tokenmaxx.checkin.WeekGlance;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.server.api.ViewerResolver;
import io.tokenmaxx.server.auth.Principal;
import io.tokenmaxx.server.auth.RequestAuth;
import io.tokenmaxx.server.http.ApiError;
import io.tokenmaxx.server.http.Bodies;
import io.tokenmaxx.server.http.Json;
import io.tokenmaxx.storage.UsageStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The check-in API. Reads take any viewer (API token or signed-in browser) and return only what
 * that viewer may read; writing a check-in needs a person's token (it is written as that person).
 *
 * <ul>
 *   <li>{@code GET /api/v1/checkins/me?week=} the caller's check-in of a week, whether it is open,
 *       and the week at a glance that pre-fills the form
 *   <li>{@code PUT /api/v1/checkins/me?week=} submit or edit it (JSON; absent fields are kept)
 *   <li>{@code GET /api/v1/checkins} the feed: {@code team, department, person, tag, tool, from, to, limit, offset}
 *   <li>{@code GET /api/v1/checkins/search?q=} full text with facets and highlights
 *   <li>{@code GET /api/v1/checkins/{id}}, {@code GET /api/v1/checkins/export?format=json|markdown}
 *   <li>{@code GET /api/v1/checkins/digest?week=&format=json|markdown}, {@code POST .../digest/send} (admin)
 *   <li>{@code GET /api/v1/checkins/missing?week=}, {@code POST .../reminders/send} (admin)
 *   <li>{@code GET /api/v1/checkins/streaks} participation and streaks of the people the viewer may see
 * </ul>
 */
public final class CheckinApi implements HttpService {
  static final long MAX_BODY = 256 * 1024;

  private final CheckinFeature f;
  private final RequestAuth auth;
  private final ViewerResolver viewers;

  CheckinApi(CheckinFeature feature, RequestAuth auth, ViewerResolver viewers) {
    this.f = feature;
    this.auth = auth;
    this.viewers = viewers;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/api/v1/checkins/me", this::mine)
        .put("/api/v1/checkins/me", this::submit)
        .get("/api/v1/checkins/search", this::search)
        .get("/api/v1/checkins/export", this::export)
        .get("/api/v1/checkins/digest", this::digest)
        .post("/api/v1/checkins/digest/send", this::sendDigest)
        .get("/api/v1/checkins/missing", this::missing)
        .post("/api/v1/checkins/reminders/send", this::sendReminders)
        .get("/api/v1/checkins/streaks", this::streaks)
        .get("/api/v1/checkins/{id}", this::one)
        .get("/api/v1/checkins", this::feed);
  }

  private Viewer viewer(ServerRequest req) {
    return viewers.resolve(req).orElseThrow(() -> ApiError.unauthorized(
        "missing token: send 'Authorization: Bearer <token>' (a person's read token or an admin token)"));
  }

  private CheckinService service() {
    return f.service();
  }

  private CheckinCalendar calendar() {
    return f.service().calendar();
  }

  private LocalDate week(ServerRequest req) {
    return calendar().parseWeek("week", param(req, "week").orElse(null));
  }

  static Optional<String> param(ServerRequest req, String name) {
    return req.query().first(name).asOptional().map(String::strip).filter(s -> !s.isEmpty());
  }

  private static int intParam(ServerRequest req, String name, int dflt, int min, int max) {
    Optional<String> v = param(req, name);
    if (v.isEmpty()) return dflt;
    try {
      int n = Integer.parseInt(v.get());
      if (n < min || n > max) throw ApiError.badRequest(name, "must be within " + min + ".." + max + ", was " + n);
      return n;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(name, "must be a whole number, was '" + v.get() + "'");
    }
  }

  private LocalDate dateParam(ServerRequest req, String name) {
    return param(req, name).map(s -> calendar().parseWeek(name, s)).orElse(null);
  }

  private static Set<String> setParam(ServerRequest req, String name) {
    List<String> all = new ArrayList<>();
    for (String v : req.query().all(name, List::of)) {
      for (String s : v.split(",")) if (!s.isBlank()) all.add(s.strip());
    }
    return Set.copyOf(all);
  }

  private void mine(ServerRequest req, ServerResponse res) {
    Viewer v = viewer(req);
    if (v.personId() == null) throw ApiError.forbidden("this token belongs to no person: there is no check-in of its own");
    LocalDate week = week(req);
    Optional<CheckIn> c = service().find(v.personId(), week);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("week", week);
    out.put("open", calendar().open(week));
    out.put("closesAt", calendar().closesAt(week));
    out.put("checkin", c.map(x -> CheckinJson.of(x, name(v.personId()), calendar().open(week))).orElse(null));
    out.put("glance", WeekGlance.of(f.usage(), v.personId(), week, f.zone()));
    Json.ok(res, out);
  }

  private void submit(ServerRequest req, ServerResponse res) throws IOException {
    Principal p = auth.require(req, Principal.Scope.READ);
    if (p.personId() == null) {
      throw ApiError.forbidden("check-ins are written by a person: use that person's token (this one belongs to nobody)");
    }
    JsonNode body = Json.MAPPER.readTree(Bodies.read(req, MAX_BODY));
    LocalDate week = body != null && body.hasNonNull("week") ? calendar().parseWeek("week", body.get("week").asText())
        : week(req);
    boolean existed = service().find(p.personId(), week).isPresent();
    CheckIn saved;
    try {
      saved = service().submit(p.personId(), week, CheckinJson.draft(body));
    } catch (WeekClosedException e) {
      throw new ApiError(Status.CONFLICT_409, "week", e.getMessage());
    } catch (IllegalArgumentException e) {
      String msg = e.getMessage();
      int colon = msg.indexOf(':');
      throw ApiError.badRequest(colon > 0 ? msg.substring(0, colon) : null, msg);
    }
    Json.send(res, existed ? Status.OK_200 : Status.CREATED_201, CheckinJson.of(saved, name(p.personId()), true));
  }

  private String name(String person) {
    return People.name(People.of(f.directory(), List.of(person)), person);
  }

  private void one(ServerRequest req, ServerResponse res) {
    Reader r = f.readers().of(viewer(req));
    CheckIn c = service().get(req.path().pathParameters().get("id"), r)
        .orElseThrow(() -> ApiError.notFound("no check-in with that id that you may read"));
    Map<String, Person> people = People.of(f.directory(), List.of(c.person()));
    Json.ok(res, CheckinJson.of(c, People.name(people, c.person()), c.person().equals(r.person()) ? calendar().open(c.week()) : null));
  }

  private void feed(ServerRequest req, ServerResponse res) {
    Reader r = f.readers().of(viewer(req));
    CheckinFilter filter;
    try {
      filter = new CheckinFilter(setParam(req, "person"), setParam(req, "team"), setParam(req, "department"),
          param(req, "tag").orElse(null), param(req, "tool").orElse(null), dateParam(req, "from"),
          param(req, "to").map(s -> calendar().parseWeek("to", s).plusWeeks(1)).orElse(null),
          intParam(req, "limit", 50, 1, CheckinFilter.MAX_LIMIT), intParam(req, "offset", 0, 0, Integer.MAX_VALUE));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(null, e.getMessage());
    }
    List<CheckIn> list = service().feed(filter, r);
    Map<String, Person> people = People.of(f.directory(), list.stream().map(CheckIn::person).toList());
    List<CheckinJson.View> out = new ArrayList<>();
    for (CheckIn c : list) out.add(CheckinJson.of(c, People.name(people, c.person()), null));
    Json.ok(res, Map.of("checkins", out, "limit", filter.limit(), "offset", filter.offset()));
  }

  private void search(ServerRequest req, ServerResponse res) {
    Reader r = f.readers().of(viewer(req));
    CheckinSearch.Query q;
    try {
      q = new CheckinSearch.Query(param(req, "q").orElse(""), setParam(req, "tag"), setParam(req, "tool"),
          setParam(req, "department"), setParam(req, "team"), setParam(req, "person"), dateParam(req, "from"),
          param(req, "to").map(s -> calendar().parseWeek("to", s).plusWeeks(1)).orElse(null),
          intParam(req, "limit", 20, 1, 500));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(null, e.getMessage());
    }
    CheckinSearch.Result result = service().search(q, r);
    Map<String, Person> people = People.of(f.directory(), result.hits().stream().map(CheckinSearch.Hit::person).toList());
    List<Map<String, Object>> hits = new ArrayList<>();
    for (CheckinSearch.Hit h : result.hits()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", h.id());
      m.put("person", h.person());
      m.put("name", People.name(people, h.person()));
      m.put("week", h.week());
      m.put("score", h.score());
      Map<String, String> fragments = new LinkedHashMap<>();
      h.fragments().forEach((k, v) -> fragments.put(k, v.replace(CheckinSearch.MARK_START, "«").replace(CheckinSearch.MARK_END, "»")));
      m.put("highlights", fragments);
      service().get(h.id(), r).ifPresent(c -> m.put("checkin", CheckinJson.of(c, People.name(people, c.person()), null)));
      hits.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", result.total());
    out.put("hits", hits);
    out.put("facets", result.facets());
    Json.ok(res, out);
  }

  private void export(ServerRequest req, ServerResponse res) {
    Viewer v = viewer(req);
    if (v.personId() == null) throw ApiError.forbidden("this token belongs to no person: there are no check-ins of its own to export");
    List<CheckIn> mine = service().export(v.personId());
    String format = param(req, "format").orElse("json").toLowerCase(Locale.ROOT);
    String name = f.directory().person(v.personId()).map(p -> p.name() == null ? p.id() : p.name()).orElse(v.personId());
    switch (format) {
      case "json" -> {
        List<CheckinJson.View> out = new ArrayList<>();
        for (CheckIn c : mine) out.add(CheckinJson.of(c, name, null));
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"checkins.json\"");
        Json.ok(res, Map.of("person", v.personId(), "name", name, "checkins", out));
      }
      case "markdown", "md" -> markdown(res, CheckinExport.markdown(name, mine), "checkins.md");
      default -> throw ApiError.badRequest("format", "must be json or markdown, was '" + format + "'");
    }
  }

  private static void markdown(ServerResponse res, String text, String file) {
    res.header(HeaderNames.CONTENT_TYPE, "text/markdown; charset=UTF-8");
    res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"");
    res.header(HeaderNames.create("X-Content-Type-Options"), "nosniff");
    res.send(text.getBytes(StandardCharsets.UTF_8));
  }

  private void digest(ServerRequest req, ServerResponse res) {
    Reader r = f.readers().of(viewer(req));
    LocalDate week = param(req, "week").isPresent() ? week(req) : calendar().currentWeek().minusWeeks(1);
    Digest d = f.digests().digest(week, r);
    String format = param(req, "format").orElse("json").toLowerCase(Locale.ROOT);
    switch (format) {
      case "json" -> Json.ok(res, d);
      case "markdown", "md" -> markdown(res, DigestMarkdown.render(d), "digest-" + week + ".md");
      default -> throw ApiError.badRequest("format", "must be json or markdown, was '" + format + "'");
    }
  }

  private void sendDigest(ServerRequest req, ServerResponse res) {
    auth.require(req, Principal.Scope.ADMIN);
    LocalDate week = param(req, "week").isPresent() ? week(req) : calendar().currentWeek().minusWeeks(1);
    Json.ok(res, f.schedule().sendDigest(week));
  }

  private void missing(ServerRequest req, ServerResponse res) {
    Reader r = f.readers().of(viewer(req));
    LocalDate week = week(req);
    List<Person> missing = Reminders.missing(f.digests().expected(week), f.digests().participants(week), r);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Person p : missing) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("person", p.id());
      m.put("name", p.name());
      m.put("team", p.team());
      m.put("email", p.email());
      out.add(m);
    }
    Json.ok(res, Map.of("week", week, "missing", out));
  }

  private void sendReminders(ServerRequest req, ServerResponse res) {
    auth.require(req, Principal.Scope.ADMIN);
    Json.ok(res, f.schedule().sendReminders(week(req)));
  }

  private void streaks(ServerRequest req, ServerResponse res) {
    Viewer v = viewer(req);
    LocalDate current = calendar().currentWeek();
    Map<String, Set<LocalDate>> participation = f.checkins().participation(null, null);
    List<Map<String, Object>> out = new ArrayList<>();
    List<String> visible = participation.keySet().stream().filter(v::canSee).sorted().toList();
    Map<String, Person> people = People.of(f.directory(), visible);
    for (String person : visible) {
      Streaks s = Streaks.of(participation.get(person), current);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("person", person);
      m.put("name", People.name(people, person));
      m.put("weeks", s.weeks());
      m.put("currentStreak", s.currentStreak());
      m.put("longestStreak", s.longestStreak());
      m.put("lastWeek", s.lastWeek());
      out.add(m);
    }
    Json.ok(res, Map.of("currentWeek", current, "people", out));
  }

  /** The check-in operations for the OpenAPI document. */
  public static List<io.tokenmaxx.server.api.ApiOperation> operations() {
    String read = " A person's read token (or a dashboard session) or an admin token; check-ins are shown as their "
        + "visibility allows (team by default, private to the author and admins on request).";
    String week = "Week: any day of it (YYYY-MM-DD), current or last; default this week";
    var w = new io.tokenmaxx.server.api.ApiOperation.QueryParam("week", week, "string");
    var from = new io.tokenmaxx.server.api.ApiOperation.QueryParam("from", "First week (any day of it, YYYY-MM-DD)", "string");
    var to = new io.tokenmaxx.server.api.ApiOperation.QueryParam("to", "Last week, inclusive (any day of it)", "string");
    var team = new io.tokenmaxx.server.api.ApiOperation.QueryParam("team", "Team id", "string");
    var dept = new io.tokenmaxx.server.api.ApiOperation.QueryParam("department", "Department id", "string");
    var person = new io.tokenmaxx.server.api.ApiOperation.QueryParam("person", "Person id or e-mail", "string");
    var tag = new io.tokenmaxx.server.api.ApiOperation.QueryParam("tag", "Tag (use case)", "string");
    var tool = new io.tokenmaxx.server.api.ApiOperation.QueryParam("tool", "Tool", "string");
    var format = new io.tokenmaxx.server.api.ApiOperation.QueryParam("format", "json (default) or markdown", "string");
    return List.of(
        op("get", "/api/v1/checkins/me", "myCheckin", "The caller's check-in of a week, with the week at a glance",
            "{week, open, closesAt, checkin (absent until submitted), glance: tools, models, sessions, tokens and outcomes "
                + "of that week} for pre-filling the form." + read, List.of(w), null, Map.class),
        op("put", "/api/v1/checkins/me", "submitCheckin", "Submit or edit the caller's check-in of a week",
            "Creates (201) or edits (200) the check-in while its week is open (until the grace period after it ends). "
                + "Absent fields keep their value on an edit; unknown fields are refused by name." + read,
            List.of(w), CheckinJson.Body.class, CheckinJson.View.class),
        op("get", "/api/v1/checkins", "checkinFeed", "Check-ins the caller may read, newest first",
            "{checkins: [...], limit, offset}; filter by person, team, department, tag, tool and weeks." + read,
            List.of(person, team, dept, tag, tool, from, to,
                new io.tokenmaxx.server.api.ApiOperation.QueryParam("limit", "At most this many (default 50)", "integer"),
                new io.tokenmaxx.server.api.ApiOperation.QueryParam("offset", "Skip this many", "integer")),
            null, Map.class),
        op("get", "/api/v1/checkins/{id}", "checkin", "One check-in", "404 when it does not exist or the caller may not "
            + "read it." + read, List.of(), null, CheckinJson.View.class),
        op("get", "/api/v1/checkins/search", "searchCheckins", "Full-text search over the check-ins the caller may read",
            "{total, hits: [{id, person, name, week, score, highlights: {field: [fragments with <mark>]}, checkin}], "
                + "facets: {tag, tool, department: {value: count}}}. q: words (all must match), \"phrases\", "
                + "prefix*, -excluded, a | b; over tried, worked, failed, learned and tags." + read,
            List.of(new io.tokenmaxx.server.api.ApiOperation.QueryParam("q", "Search text", "string"), tag, tool, dept, team,
                person, from, to, new io.tokenmaxx.server.api.ApiOperation.QueryParam("limit", "At most this many hits (default 20)",
                    "integer")), null, Map.class),
        op("get", "/api/v1/checkins/export", "exportCheckins", "The caller's own check-ins, all weeks",
            "{person, name, checkins: [...]} as JSON, or Markdown with format=markdown." + read, List.of(format), null,
            Map.class),
        op("get", "/api/v1/checkins/digest", "checkinDigest", "The weekly digest",
            "Participation by team, top learnings, what failed and why, new use cases, first-timers; default last "
                + "week; Markdown with format=markdown." + read, List.of(w, format), null, Map.class),
        op("post", "/api/v1/checkins/digest/send", "sendCheckinDigest", "Post the weekly digest to the webhook now",
            "Admin token. Posts to checkins.webhook-url, signed with X-Tokenmaxx-Signature (HMAC-SHA256 of the body).",
            List.of(w), null, Map.class),
        op("get", "/api/v1/checkins/missing", "missingCheckins", "Who has not checked in this week",
            "{week, missing: [{person, name, team, email}]}: everyone for admins, the reporting subtree for managers."
                + read, List.of(w), null, Map.class),
        op("post", "/api/v1/checkins/reminders/send", "sendCheckinReminders", "Post reminders to the webhook now",
            "Admin token. One webhook post listing who has not checked in this week.", List.of(w), null, Map.class),
        op("get", "/api/v1/checkins/streaks", "checkinStreaks", "Check-in participation and streaks per person",
            "{currentWeek, people: [{person, name, weeks, currentStreak, longestStreak, lastWeek}]}: what the "
                + "leaderboard's check-in column shows." + read, List.of(), null, Map.class));
  }

  private static io.tokenmaxx.server.api.ApiOperation op(String method, String path, String id, String summary,
      String description, List<io.tokenmaxx.server.api.ApiOperation.QueryParam> query, Class<?> body, Class<?> response) {
    return new io.tokenmaxx.server.api.ApiOperation(method, path, id, "checkins", summary, description, query, body,
        response);
  }
}
