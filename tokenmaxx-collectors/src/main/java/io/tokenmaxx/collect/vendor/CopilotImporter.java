package io.tokenmaxx.collect.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.Sources;
import io.tokenmaxx.model.UsageRecord;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * GitHub Copilot: the per-user usage metrics report of a day (signed links to NDJSON files, one
 * record per user) and the seat assignments. Copilot reports activity and acceptances, not
 * tokens: a user's interactions become token-less usage records (they count as adoption: active
 * days, models used), acceptances and lines become outcomes. Request and response shapes: the
 * module README.
 */
final class CopilotImporter implements VendorImporter {
  static final String USERS = "github-copilot.users";
  static final String SEATS = "github-copilot.seats";
  static final String TOOL = "github-copilot";
  static final String API_VERSION = "2026-03-10";

  private final ImporterConfig config;
  private final VendorHttp http;
  private final Map<String, String> headers;
  private final String scope;

  CopilotImporter(ImporterConfig config, VendorHttp http) {
    this.config = config;
    this.http = http;
    this.headers = Map.of("Authorization", "Bearer " + config.adminKey().reveal(),
        "Accept", "application/vnd.github+json", "X-GitHub-Api-Version", API_VERSION);
    String org = config.organization().strip();
    this.scope = org.startsWith("enterprise:") ? "/enterprises/" + org.substring("enterprise:".length()) : "/orgs/" + org;
  }

  @Override
  public Vendor vendor() {
    return Vendor.GITHUB_COPILOT;
  }

  @Override
  public List<String> streams() {
    return List.of(USERS, SEATS);
  }

  @Override
  public long pullDay(LocalDate day, ImportSink sink) throws InterruptedException {
    JsonNode links;
    try {
      links = http.get(Query.of(config.baseUrl(), scope + "/copilot/metrics/reports/users-1-day")
          .param("day", day).uri(), headers).path("download_links");
    } catch (VendorException e) {
      if (e.status() != 404) throw e;
      links = VendorHttp.JSON.createArrayNode(); // no report for that day (no seat was active)
    }
    StreamDay out = new StreamDay(sink, USERS, day);
    for (JsonNode link : links) {
      String ndjson = http.download(URI.create(link.asText()));
      List<UsageRecord> usage = new ArrayList<>();
      List<OutcomeRecord> outcomes = new ArrayList<>();
      int lineNo = 0;
      for (String line : (Iterable<String>) ndjson.lines()::iterator) {
        lineNo++;
        if (line.isBlank()) continue;
        JsonNode u;
        try {
          u = VendorHttp.JSON.readTree(line);
        } catch (IOException e) {
          throw new VendorException("github-copilot users report line " + lineNo + " is not JSON");
        }
        user(u, day, usage, outcomes);
      }
      out.accept(usage, outcomes);
    }
    out.complete();
    return out.count();
  }

  private static void user(JsonNode u, LocalDate day, List<UsageRecord> usage, List<OutcomeRecord> outcomes) {
    String date = Rows.text(u, "day");
    if (date != null && !date.equals(day.toString())) return;
    String userId = Rows.text(u, "user_id");
    RawIdentity who = userId != null ? Rows.identity(RawIdentity.Kind.USER_ID, "github", userId)
        : Rows.identity(RawIdentity.Kind.USER_ID, "github-login", Rows.text(u, "user_login"));
    String key = String.valueOf(who);
    Map<String, Long> byModel = new TreeMap<>();
    for (JsonNode m : u.path("totals_by_model_feature")) {
      String model = Rows.text(m, "model");
      byModel.merge(model == null ? UsageRecord.UNKNOWN_MODEL : model, Rows.count(m, "user_initiated_interaction_count"), Long::sum);
    }
    long interactions = Rows.count(u, "user_initiated_interaction_count");
    boolean active = interactions + Rows.count(u, "code_generation_activity_count")
        + Rows.count(u, "code_acceptance_activity_count") > 0
        || u.path("used_chat").asBoolean(false) || u.path("used_agent").asBoolean(false) || u.path("used_cli").asBoolean(false);
    if (byModel.isEmpty() && active) byModel.put(UsageRecord.UNKNOWN_MODEL, interactions);
    for (Map.Entry<String, Long> m : byModel.entrySet()) {
      usage.add(UsageRecord.builder().id(ImportIds.of(USERS, day, key, m.getKey())).timestamp(Rows.noon(day))
          .source(Sources.IMPORT).tool(TOOL).provider(Rows.providerOf(m.getKey())).model(m.getKey()).identity(who)
          .requests((int) Math.min(Integer.MAX_VALUE, m.getValue())).build());
    }
    Rows.outcome(outcomes, USERS, day, TOOL, OutcomeKind.EDIT_ACCEPTED, Rows.count(u, "code_acceptance_activity_count"), who, null, key);
    Rows.outcome(outcomes, USERS, day, TOOL, OutcomeKind.LINES_ADDED, Rows.count(u, "loc_added_sum"), who, null, key);
    Rows.outcome(outcomes, USERS, day, TOOL, OutcomeKind.LINES_REMOVED, Rows.count(u, "loc_deleted_sum"), who, null, key);
  }

  /**
   * The seats: each assignee's login linked to their numeric id, and their last activity as a
   * token-less usage record on that day (one per distinct last activity seen, so repeated pulls
   * collect the days a seat was active even where the metrics report has no data).
   */
  @Override
  public long pullDirectory(ImportSink sink) throws InterruptedException {
    List<IdentityLink> links = new ArrayList<>();
    List<UsageRecord> activity = new ArrayList<>();
    int perPage = Math.min(config.pageSize(), 100);
    long total = Long.MAX_VALUE;
    long seen = 0;
    for (int page = 1; seen < total; page++) {
      JsonNode body = http.get(Query.of(config.baseUrl(), scope + "/copilot/billing/seats")
          .param("per_page", perPage).param("page", page).uri(), headers);
      total = body.path("total_seats").asLong(0);
      JsonNode seats = body.path("seats");
      for (JsonNode s : seats) {
        JsonNode a = s.path("assignee");
        RawIdentity id = Rows.identity(RawIdentity.Kind.USER_ID, "github", Rows.text(a, "id"));
        RawIdentity login = Rows.identity(RawIdentity.Kind.USER_ID, "github-login", Rows.text(a, "login"));
        if (id != null && login != null) links.add(new IdentityLink(List.of(id, login), "github copilot seat"));
        String last = Rows.text(s, "last_activity_at");
        if (last != null && id != null) {
          Instant at = Instant.parse(last);
          LocalDate d = LocalDate.ofInstant(at, ZoneOffset.UTC);
          activity.add(UsageRecord.builder().id(ImportIds.of(SEATS, d, id, last)).timestamp(at)
              .source(Sources.IMPORT).tool(TOOL).identity(id).requests(0).build());
        }
      }
      seen += seats.size();
      if (seats.isEmpty()) break;
    }
    sink.identities(links);
    if (!activity.isEmpty()) sink.accept(activity, List.of());
    return activity.size();
  }
}
