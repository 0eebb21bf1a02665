package io.tokenmaxx.server.query;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.tokenmaxx.analyze.AuditEntry;
import io.tokenmaxx.analyze.AuditLog;
import io.tokenmaxx.analyze.OrgChart;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.server.auth.Principal;
import io.tokenmaxx.server.auth.RequestAuth;
import io.tokenmaxx.server.http.ApiError;
import io.tokenmaxx.storage.UsageQuery;
import io.tokenmaxx.storage.UsageStore;
import io.tokenmaxx.wire.RecordJson;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/v1/records}: a person's stored usage records as NDJSON (the ingest fields plus
 * source, person, computed cost and its provenance), so {@code tokenmaxx report --server} runs the
 * same report over the server's data as over local logs. A person's token (the ingest token their
 * {@code push} uses, or a read token) reads that person, and a manager's also reads the people of
 * their reporting subtree ({@code person=EMAIL|ID}); an admin token reads anyone. Every read of
 * someone else's records is written to the audit log as an export. Filters: {@code since}, {@code
 * until} (dates, inclusive, widened by a day so any time zone's days are complete), {@code tool}.
 */
public final class RecordsService implements HttpService {
  static final int MAX_RECORDS = 5_000_000;

  private final RequestAuth auth;
  private final UsageStore store;
  private final Directory directory;
  private final AuditLog audit;
  private final Clock clock;

  public RecordsService(RequestAuth auth, UsageStore store, Directory directory, AuditLog audit, Clock clock) {
    this.auth = auth;
    this.store = store;
    this.directory = directory;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/api/v1/records", this::records);
  }

  private void records(ServerRequest req, ServerResponse res) throws java.io.IOException {
    // A person's own token (ingest or read) reads that person's records.
    Principal who = auth.requireAny(req, Principal.Scope.READ, Principal.Scope.INGEST);
    Optional<String> asked = req.query().first("person").asOptional().filter(s -> !s.isBlank());
    String person;
    if (who.can(Principal.Scope.ADMIN)) {
      person = asked.map(this::resolve).orElse(null);
      if (person == null && asked.isEmpty()) {
        throw ApiError.badRequest("person", "give person=EMAIL or person=ID (an admin reads anyone's records)");
      }
    } else {
      if (who.personId() == null) throw ApiError.forbidden("this token belongs to no person; use a person's read token");
      person = asked.map(this::resolve).orElse(who.personId());
      if (!person.equals(who.personId()) && !OrgChart.of(directory.people()).subtree(who.personId()).contains(person)) {
        throw ApiError.forbidden("a person's token reads that person's records and, for a manager, those of the "
            + "people who report to them; '" + asked.orElse(person) + "' is neither");
      }
    }
    if (!person.equals(who.personId())) {
      audit.append(new AuditEntry(clock.instant(), who.subject(), AuditEntry.EXPORT, "records", person,
          "usage records as NDJSON" + req.query().first("since").map(v -> ", since " + v).orElse("")
              + req.query().first("until").map(v -> ", until " + v).orElse("")));
    }
    UsageQuery.Builder q = UsageQuery.builder().persons(Set.of(person));
    date(req, "since").ifPresent(d -> q.from(d.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    date(req, "until").ifPresent(d -> q.to(d.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant()));
    req.query().first("tool").asOptional().filter(s -> !s.isBlank()).ifPresent(t -> q.tools(Set.of(t)));
    List<UsageRecord> records = store.records(q.build(), MAX_RECORDS);
    res.header(HeaderNames.CONTENT_TYPE, "application/x-ndjson");
    res.header("X-Tokenmaxx-Records", Integer.toString(records.size()));
    try (OutputStream out = res.outputStream()) {
      RecordJson.writeExport(records, out);
    }
  }

  /** This service's operations for the OpenAPI document. */
  public static List<io.tokenmaxx.server.api.ApiOperation> operations() {
    return List.of(new io.tokenmaxx.server.api.ApiOperation("get", "/api/v1/records", "exportRecords", "query",
        "A person's stored usage records (NDJSON, one item per line)",
        "What tokenmaxx report --server aggregates: the ingest fields plus source, person, computed cost and its "
            + "provenance. A person's own token (ingest or read) reads that person, a manager's also the people "
            + "reporting to them; an admin token reads anyone (person=EMAIL or ID). Reads of someone else's records "
            + "are audited. Content-Type application/x-ndjson; the schema below is one line.",
        List.of(new io.tokenmaxx.server.api.ApiOperation.QueryParam("person",
            "E-mail or person id (admin tokens: anyone; a manager's: their reporting subtree)", "string"),
            new io.tokenmaxx.server.api.ApiOperation.QueryParam("since", "First day, YYYY-MM-DD (widened by a day for time zones)", "string"),
            new io.tokenmaxx.server.api.ApiOperation.QueryParam("until", "Last day, YYYY-MM-DD, inclusive", "string"),
            new io.tokenmaxx.server.api.ApiOperation.QueryParam("tool", "Only this tool", "string")),
        null, io.tokenmaxx.server.ingest.IngestSchema.ExportItem.class));
  }

  private String resolve(String personOrEmail) {
    Optional<Person> byId = directory.person(personOrEmail);
    if (byId.isPresent()) return byId.get().id();
    if (personOrEmail.contains("@")) {
      Optional<String> p = directory.resolve(RawIdentity.email(personOrEmail));
      if (p.isPresent()) return p.get();
    }
    throw ApiError.notFound("no person with id or e-mail '" + personOrEmail + "'");
  }

  private static Optional<LocalDate> date(ServerRequest req, String name) {
    Optional<String> v = req.query().first(name).asOptional().filter(s -> !s.isBlank());
    if (v.isEmpty()) return Optional.empty();
    String s = v.get().length() == 8 && v.get().matches("\\d{8}")
        ? v.get().substring(0, 4) + "-" + v.get().substring(4, 6) + "-" + v.get().substring(6) : v.get();
    try {
      return Optional.of(LocalDate.parse(s));
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest(name, "'" + v.get() + "' is not a date (YYYY-MM-DD or YYYYMMDD)");
    }
  }
}
