package io.tokenmaxx.server.importer;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
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
        .post("/api/v1/importers/{source}/run", this::run)
        .post("/api/v1/importers/{vendor}/csv", this::csv);
  }

  private void list(ServerRequest req, ServerResponse res) {
    auth.require(req, Principal.Scope.ADMIN);
    Json.ok(res, new ImportSchema.SourceList(feature.status().stream().map(ImportSchema.Source::of).toList()));
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
