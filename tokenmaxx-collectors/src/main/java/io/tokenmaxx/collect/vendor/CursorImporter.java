package io.tokenmaxx.collect.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.Sources;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cursor's Admin API: usage events (one per request: model, input, output, cache tokens, cost),
 * the daily usage data (per person: accepted lines, applies accepted and rejected, tabs accepted,
 * whether they were active — outcomes and adoption, not tokens) and the team members. Request and
 * response shapes: the module README.
 */
final class CursorImporter implements VendorImporter {
  static final String EVENTS = "cursor.events";
  static final String DAILY = "cursor.daily";
  static final String TOOL = "cursor";

  private final ImporterConfig config;
  private final VendorHttp http;
  private final Map<String, String> headers;

  CursorImporter(ImporterConfig config, VendorHttp http) {
    this.config = config;
    this.http = http;
    String basic = Base64.getEncoder().encodeToString((config.adminKey().reveal() + ":").getBytes(StandardCharsets.UTF_8));
    this.headers = Map.of("Authorization", "Basic " + basic);
  }

  @Override
  public Vendor vendor() {
    return Vendor.CURSOR;
  }

  @Override
  public List<String> streams() {
    return List.of(EVENTS, DAILY);
  }

  @Override
  public long pullDay(LocalDate day, ImportSink sink) throws InterruptedException {
    return events(day, sink) + daily(day, sink);
  }

  private long events(LocalDate day, ImportSink sink) throws InterruptedException {
    long from = Rows.startOf(day).toEpochMilli();
    long to = Rows.startOf(day.plusDays(1)).toEpochMilli();
    StreamDay out = new StreamDay(sink, EVENTS, day);
    Map<String, Integer> seen = new HashMap<>();
    int page = 1;
    while (true) {
      Map<String, Object> req = new LinkedHashMap<>();
      req.put("startDate", from);
      req.put("endDate", to - 1);
      req.put("page", page);
      req.put("pageSize", config.pageSize());
      JsonNode body = http.post(Query.of(config.baseUrl(), "/teams/filtered-usage-events").uri(), headers, req);
      List<UsageRecord> usage = new ArrayList<>();
      for (JsonNode e : body.path("usageEvents")) {
        UsageRecord r = event(e, day, from, to, seen);
        if (r != null) usage.add(r);
      }
      out.accept(usage, List.of());
      JsonNode p = body.path("pagination");
      boolean more = p.has("hasNextPage") ? p.path("hasNextPage").asBoolean()
          : p.path("currentPage").asInt(page) < p.path("numPages").asInt(0);
      if (!more || body.path("usageEvents").isEmpty()) break;
      page++;
    }
    out.complete();
    return out.count();
  }

  /** An event of the day (events on the edges of the window belong to the neighbouring day). */
  private static UsageRecord event(JsonNode e, LocalDate day, long from, long to, Map<String, Integer> seen) {
    String ts = Rows.text(e, "timestamp");
    if (ts == null) throw new VendorException("cursor usage event without a timestamp: " + e);
    long ms;
    try {
      ms = ts.chars().allMatch(Character::isDigit) ? Long.parseLong(ts) : Instant.parse(ts).toEpochMilli();
    } catch (RuntimeException bad) {
      throw new VendorException("cursor usage event timestamp '" + ts + "' is neither epoch milliseconds nor ISO-8601");
    }
    if (ms < from || ms >= to) return null;
    String model = Rows.text(e, "model");
    String email = Rows.text(e, "userEmail");
    JsonNode t = e.path("tokenUsage");
    BigDecimal cents = Rows.decimal(t.path("totalCents"), "tokenUsage.totalCents");
    String id = eventId(day, ms, email, model, Rows.count(t, "inputTokens"), Rows.count(t, "outputTokens"),
        Rows.count(t, "cacheWriteTokens"), Rows.count(t, "cacheReadTokens"), seen);
    return UsageRecord.builder()
        .id(id)
        .timestamp(Instant.ofEpochMilli(ms)).source(Sources.IMPORT).tool(TOOL).provider(Rows.providerOf(model))
        .model(model).identity(Rows.email(email))
        .inputTokens(Rows.count(t, "inputTokens")).outputTokens(Rows.count(t, "outputTokens"))
        .cacheWrite5mTokens(Rows.count(t, "cacheWriteTokens")).cacheReadTokens(Rows.count(t, "cacheReadTokens"))
        .requests(1)
        .reportedCost(cents == null ? null : cents.movePointLeft(2))
        .build();
  }

  /**
   * Cursor's events carry no id: the id is made of what both the API and the console's CSV export
   * show (time to the millisecond, user, model, the four token counts), and the n-th of identical
   * events counts apart. So an event imported from both gets one id.
   */
  static String eventId(LocalDate day, long ms, String email, String model, long input, long output, long cacheWrite,
      long cacheRead, Map<String, Integer> seen) {
    String base = ms + "|" + (email == null ? "" : email.toLowerCase(java.util.Locale.ROOT)) + "|" + model + "|" + input
        + "|" + output + "|" + cacheWrite + "|" + cacheRead;
    return ImportIds.of(EVENTS, day, base, seen.merge(base, 1, Integer::sum));
  }

  private long daily(LocalDate day, ImportSink sink) throws InterruptedException {
    long from = Rows.startOf(day).toEpochMilli();
    long to = Rows.startOf(day.plusDays(1)).toEpochMilli();
    JsonNode body = http.post(Query.of(config.baseUrl(), "/teams/daily-usage-data").uri(), headers,
        Map.of("startDate", from, "endDate", to - 1));
    List<UsageRecord> usage = new ArrayList<>();
    List<OutcomeRecord> outcomes = new ArrayList<>();
    for (JsonNode d : body.path("data")) {
      long date = d.path("date").asLong(-1);
      if (date < from || date >= to) continue;
      String email = Rows.text(d, "email");
      RawIdentity who = Rows.email(email);
      if (d.path("isActive").asBoolean(false)) {
        // active without necessarily a usage event (tab completions are not events): adoption, no tokens
        usage.add(UsageRecord.builder().id(ImportIds.of(DAILY, day, email)).timestamp(Rows.noon(day))
            .source(Sources.IMPORT).tool(TOOL).model(Rows.text(d, "mostUsedModel"))
            .provider(Rows.providerOf(Rows.text(d, "mostUsedModel"))).identity(who).requests(0).build());
      }
      Rows.outcome(outcomes, DAILY, day, TOOL, OutcomeKind.LINES_ADDED, Rows.count(d, "acceptedLinesAdded"), who, null, email);
      Rows.outcome(outcomes, DAILY, day, TOOL, OutcomeKind.LINES_REMOVED, Rows.count(d, "acceptedLinesDeleted"), who, null, email);
      Rows.outcome(outcomes, DAILY, day, TOOL, OutcomeKind.EDIT_ACCEPTED, Rows.count(d, "totalAccepts"), who, "apply", email);
      Rows.outcome(outcomes, DAILY, day, TOOL, OutcomeKind.EDIT_REJECTED, Rows.count(d, "totalRejects"), who, "apply", email);
      Rows.outcome(outcomes, DAILY, day, TOOL, OutcomeKind.EDIT_ACCEPTED, Rows.count(d, "totalTabsAccepted"), who, "tab", email);
    }
    StreamDay out = new StreamDay(sink, DAILY, day);
    out.accept(usage, outcomes);
    out.complete();
    return out.count();
  }

  @Override
  public long pullDirectory(ImportSink sink) throws InterruptedException {
    JsonNode body = http.get(Query.of(config.baseUrl(), "/teams/members").uri(), headers);
    List<IdentityLink> links = new ArrayList<>();
    for (JsonNode m : body.path("teamMembers")) {
      RawIdentity email = Rows.email(Rows.text(m, "email"));
      RawIdentity id = Rows.identity(RawIdentity.Kind.USER_ID, "cursor", Rows.text(m, "id"));
      if (email != null && id != null) links.add(new IdentityLink(List.of(id, email), "cursor team member"));
    }
    sink.identities(links);
    return 0;
  }
}
