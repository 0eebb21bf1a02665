package io.tokenmaxx.server.importer;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.tokenmaxx.collect.vendor.ImporterConfig;
import io.tokenmaxx.collect.vendor.Vendor;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.server.api.ApiOperation;
import io.tokenmaxx.server.auth.Principal;
import io.tokenmaxx.server.auth.RequestAuth;
import io.tokenmaxx.server.http.ApiError;
import io.tokenmaxx.server.http.Bodies;
import io.tokenmaxx.server.http.Json;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * The import admin API (admin scope): {@code GET /api/v1/importers} lists each configured source's
 * state, last success, records imported, next run and last error (never a key);
 * {@code PUT /api/v1/importers/{vendor}} adds or changes a source (kept across restarts; vendors
 * configured by the settings are changed there) and {@code DELETE} removes one;
 * {@code POST /api/v1/importers/{source}/run} pulls a source now (waits for the result with
 * {@code ?wait=true}, else answers 202 at once), or with {@code ?since=DATE[&until=DATE]} pulls
 * just those days once, leaving the schedule's cursor alone; {@code POST /api/v1/importers/{vendor}/csv}
 * imports a console's CSV export sent as the body.
 */
final class ImportApi implements HttpService {
  static final long MAX_CSV_BYTES = 256L << 20;

  private final RequestAuth auth;
  private final ImportFeature feature;
  private final Clock clock;

  ImportApi(RequestAuth auth, ImportFeature feature, Clock clock) {
    this.auth = auth;
    this.feature = feature;
    this.clock = clock;
  }

  private static java.time.LocalDate day(String param, String v) {
    try {
      return java.time.LocalDate.parse(v);
    } catch (java.time.format.DateTimeParseException e) {
      throw ApiError.badRequest(param, "must be a date such as 2026-03-01, was '" + v + "'");
    }
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/api/v1/importers", this::list)
        .put("/api/v1/importers/{vendor}", this::configure)
        .delete("/api/v1/importers/{vendor}", this::remove)
        .post("/api/v1/importers/{source}/run", this::run)
        .post("/api/v1/importers/{vendor}/csv", this::csv);
  }

  private void list(ServerRequest req, ServerResponse res) {
    auth.require(req, Principal.Scope.ADMIN);
    Json.ok(res, new ImportSchema.SourceList(feature.status().stream().map(ImportSchema.Source::of).toList()));
  }

  private void configure(ServerRequest req, ServerResponse res) throws IOException {
    auth.require(req, Principal.Scope.ADMIN);
    Vendor vendor = vendor(req);
    com.fasterxml.jackson.databind.JsonNode body = Json.MAPPER.readTree(Bodies.read(req, 64 * 1024));
    if (body == null || !body.isObject()) throw ApiError.badRequest("body", "must be a JSON object");
    for (java.util.Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!SETTINGS.contains(f)) throw ApiError.badRequest(f, "unknown setting; known: " + SETTINGS);
    }
    if (feature.fromSettings(vendor)) {
      throw new ApiError(Status.CONFLICT_409, "vendor", vendor.id() + " is configured by the settings importers."
          + vendor.id() + ".*; change it there");
    }
    String key = text(body, "adminKey");
    io.tokenmaxx.collect.vendor.Secret secret;
    try {
      secret = key != null ? io.tokenmaxx.collect.vendor.Secret.of(key, "adminKey")
          : feature.status().stream().anyMatch(s -> s.source().equals(vendor.id())) ? feature.savedKey(vendor) : null;
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("adminKey", e.getMessage());
    }
    if (secret == null) throw ApiError.badRequest("adminKey", "is required for a new source");
    ImporterConfig c;
    try {
      java.net.URI base = text(body, "baseUrl") == null ? null : new java.net.URI(text(body, "baseUrl"));
      c = new ImporterConfig(vendor, secret, base, interval(text(body, "interval")),
          body.path("backfill").asInt(30), body.path("reread").asInt(vendor.rereadDays()), text(body, "organization"),
          body.path("pageSize").asInt(ImporterConfig.defaultPageSize(vendor)));
    } catch (java.net.URISyntaxException e) {
      throw ApiError.badRequest("baseUrl", "is not a URL: " + e.getReason());
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      String field = m.contains(".base-url") ? "baseUrl" : m.contains(".interval") ? "interval"
          : m.contains(".backfill") ? "backfill" : m.contains(".reread") ? "reread"
          : m.contains(".organization") ? "organization" : m.contains(".page-size") ? "pageSize" : "body";
      throw ApiError.badRequest(field, m);
    }
    feature.configure(c, key);
    Json.ok(res, feature.status().stream().filter(s -> s.source().equals(vendor.id())).findFirst()
        .map(ImportSchema.Source::of).orElseThrow());
  }

  private void remove(ServerRequest req, ServerResponse res) {
    auth.require(req, Principal.Scope.ADMIN);
    Vendor vendor = vendor(req);
    boolean removed;
    try {
      removed = feature.remove(vendor);
    } catch (IllegalStateException e) {
      throw new ApiError(Status.CONFLICT_409, "vendor", e.getMessage());
    }
    if (!removed) throw ApiError.notFound("no import source '" + vendor.id() + "' was configured through the API");
    Json.ok(res, new ImportSchema.Removed(vendor.id()));
  }

  static final java.util.Set<String> SETTINGS = java.util.Set.of("adminKey", "baseUrl", "interval", "backfill", "reread",
      "organization", "pageSize");

  private static Vendor vendor(ServerRequest req) {
    try {
      return Vendor.parse(req.path().pathParameters().get("vendor"));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("vendor", e.getMessage());
    }
  }

  private static String text(com.fasterxml.jackson.databind.JsonNode n, String f) {
    com.fasterxml.jackson.databind.JsonNode v = n.get(f);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
  }

  /** {@code 30m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT1H}); null: the default. */
  static java.time.Duration interval(String v) {
    if (v == null) return null;
    try {
      if (v.matches("\\d+[smhd]")) {
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        return switch (v.charAt(v.length() - 1)) {
          case 's' -> java.time.Duration.ofSeconds(n);
          case 'm' -> java.time.Duration.ofMinutes(n);
          case 'h' -> java.time.Duration.ofHours(n);
          default -> java.time.Duration.ofDays(n);
        };
      }
      return java.time.Duration.parse(v);
    } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
      throw ApiError.badRequest("interval", "must be a duration such as 30m, 2h or PT1H, was '" + v + "'");
    }
  }

  private void run(ServerRequest req, ServerResponse res) {
    auth.require(req, Principal.Scope.ADMIN);
    String source = req.path().pathParameters().get("source");
    if (feature.status().stream().noneMatch(s -> s.source().equals(source))) {
      throw ApiError.notFound("no import source '" + source + "' is configured; configured: "
          + feature.status().stream().map(s -> s.source()).toList());
    }
    String since = req.query().first("since").orElse("").strip();
    if (!since.isEmpty()) {
      java.time.LocalDate from = day("since", since);
      String until = req.query().first("until").orElse("").strip();
      java.time.LocalDate through = until.isEmpty() ? java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC))
          : day("until", until);
      if (from.isAfter(through)) throw ApiError.badRequest("since", "since " + from + " is after " + through);
      Json.ok(res, ImportSchema.Run.of(feature.pull(source, from, through)));
      return;
    }
    if (req.query().first("wait").map("true"::equals).orElse(false)) {
      Json.ok(res, ImportSchema.Run.of(feature.scheduler().runNow(source)));
    } else {
      feature.runInBackground(source);
      Json.send(res, Status.ACCEPTED_202, new ImportSchema.Started(source, "running"));
    }
  }

  private void csv(ServerRequest req, ServerResponse res) throws IOException {
    auth.require(req, Principal.Scope.ADMIN);
    Vendor vendor;
    try {
      vendor = Vendor.parse(req.path().pathParameters().get("vendor"));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("vendor", e.getMessage());
    }
    RawIdentity identity = null;
    String who = req.query().first("identity").orElse("").strip();
    if (!who.isEmpty()) {
      try {
        identity = RawIdentity.parse(who);
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest("identity", e.getMessage());
      }
    }
    byte[] body = Bodies.read(req, MAX_CSV_BYTES);
    ImportSchema.FileImport done;
    try {
      done = feature.importCsv(vendor, new String(body, java.nio.charset.StandardCharsets.UTF_8), identity);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("body", e.getMessage());
    }
    Json.ok(res, done);
  }

  static List<ApiOperation> operations() {
    String admin = " Needs an admin token.";
    return List.of(
        new ApiOperation("get", "/api/v1/importers", "listImporters", "admin",
            "Each configured vendor import source: state, last success, records imported, next run, last error",
            "Admin keys are never returned, only where each came from." + admin, List.of(), null,
            ImportSchema.SourceList.class),
        new ApiOperation("put", "/api/v1/importers/{vendor}", "configureImporter", "admin",
            "Add or change an import source (anthropic, openai, cursor, github-copilot)",
            "Body: adminKey (required for a new source; never returned), baseUrl (default the vendor's API), "
                + "interval (e.g. 1h), backfill and reread (days), organization (GitHub), pageSize. Kept across "
                + "restarts, the key in a file of the data folder readable by the server only. 409 for a vendor "
                + "configured by the settings importers.<vendor>.*." + admin,
            List.of(), ImportSchema.Configure.class, ImportSchema.Source.class),
        new ApiOperation("delete", "/api/v1/importers/{vendor}", "removeImporter", "admin",
            "Remove an import source configured through the API",
            "What it imported stays. 404 when none was configured through the API; 409 for one configured by "
                + "the settings." + admin, List.of(), null, ImportSchema.Removed.class),
        new ApiOperation("post", "/api/v1/importers/{source}/run", "runImporter", "admin",
            "Pull a source now, whatever its schedule",
            "With wait=true the answer is the run's result; otherwise 202 at once and the run goes on in the "
                + "background (its outcome shows in the list). With since (and until, default today) the days "
                + "since..until are pulled once and the answer is the result; the schedule's cursor is left alone. "
                + "404 for a source that is not configured." + admin,
            List.of(new ApiOperation.QueryParam("wait", "true: answer when the run has finished", "string"),
                new ApiOperation.QueryParam("since", "first UTC day of a one-off pull (yyyy-mm-dd)", "string"),
                new ApiOperation.QueryParam("until", "last UTC day of a one-off pull (default today)", "string")), null,
            ImportSchema.Run.class),
        new ApiOperation("post", "/api/v1/importers/{vendor}/csv", "importCsv", "admin",
            "Import a vendor console's CSV usage export (the request body)",
            "Vendors: anthropic, openai, cursor. identity: whose file it is when it has no user column "
                + "(kind:value or an e-mail). Rows that cannot be read are listed with their line; the rest "
                + "is stored." + admin,
            List.of(new ApiOperation.QueryParam("identity", "the person a personal export belongs to", "string")),
            null, ImportSchema.FileImport.class));
  }
}
