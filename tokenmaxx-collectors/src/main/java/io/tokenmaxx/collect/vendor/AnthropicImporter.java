package io.tokenmaxx.collect.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.Sources;
import io.tokenmaxx.model.Tools;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Anthropic's Admin API: the Claude Code Analytics report (per person, day and model: tokens and
 * estimated cost; sessions, lines, commits, pull requests, tool decisions as outcomes), the
 * Messages usage report grouped by API key, workspace and model, the cost report (spread over the
 * usage rows of its workspace and model as their reported cost), and the users and API keys that
 * link key ids to people. Request and response shapes: the module README.
 */
final class AnthropicImporter implements VendorImporter {
  static final String CLAUDE_CODE = "anthropic.claude-code";
  static final String MESSAGES = "anthropic.messages";

  private final ImporterConfig config;
  private final VendorHttp http;
  private final Map<String, String> headers;

  AnthropicImporter(ImporterConfig config, VendorHttp http) {
    this.config = config;
    this.http = http;
    this.headers = Map.of("x-api-key", config.adminKey().reveal(), "anthropic-version", "2023-06-01");
  }

  @Override
  public Vendor vendor() {
    return Vendor.ANTHROPIC;
  }

  @Override
  public List<String> streams() {
    return List.of(CLAUDE_CODE, MESSAGES);
  }

  @Override
  public long pullDay(LocalDate day, ImportSink sink) throws InterruptedException {
    return claudeCode(day, sink) + messages(day, sink);
  }

  private long claudeCode(LocalDate day, ImportSink sink) throws InterruptedException {
    StreamDay out = new StreamDay(sink, CLAUDE_CODE, day);
    String page = null;
    do {
      JsonNode body = http.get(Query.of(config.baseUrl(), "/v1/organizations/usage_report/claude_code")
          .param("starting_at", day).param("limit", Math.min(config.pageSize(), 1000)).param("page", page).uri(), headers);
      List<UsageRecord> usage = new ArrayList<>();
      List<OutcomeRecord> outcomes = new ArrayList<>();
      for (JsonNode row : body.path("data")) claudeCodeRow(row, day, usage, outcomes);
      out.accept(usage, outcomes);
      page = next(body, "/v1/organizations/usage_report/claude_code");
    } while (page != null);
    out.complete();
    return out.count();
  }

  private static void claudeCodeRow(JsonNode row, LocalDate day, List<UsageRecord> usage, List<OutcomeRecord> outcomes) {
    String date = Rows.text(row, "date");
    if (date != null && !date.startsWith(day.toString())) return; // another day's row: not this day's report
    JsonNode actor = row.path("actor");
    RawIdentity who;
    String actorKey;
    if ("api_actor".equals(actor.path("type").asText())) {
      who = Rows.identity(RawIdentity.Kind.API_KEY, "anthropic-key-name", Rows.text(actor, "api_key_name"));
      actorKey = "key:" + Rows.text(actor, "api_key_name");
    } else {
      who = Rows.email(Rows.text(actor, "email_address"));
      actorKey = "user:" + Rows.text(actor, "email_address");
    }
    String customer = Rows.text(row, "customer_type");
    String terminal = Rows.text(row, "terminal_type");
    for (JsonNode m : row.path("model_breakdown")) {
      String model = Rows.text(m, "model");
      JsonNode t = m.path("tokens");
      JsonNode cost = m.path("estimated_cost");
      BigDecimal cents = Rows.decimal(cost.path("amount"), "estimated_cost.amount");
      boolean usd = "USD".equalsIgnoreCase(cost.path("currency").asText("USD"));
      usage.add(UsageRecord.builder()
          .id(ImportIds.of(CLAUDE_CODE, day, actorKey, customer, terminal, model))
          .timestamp(Rows.noon(day)).source(Sources.IMPORT).tool(Tools.CLAUDE_CODE).provider("anthropic")
          .model(model).identity(who)
          .inputTokens(Rows.count(t, "input")).outputTokens(Rows.count(t, "output"))
          .cacheReadTokens(Rows.count(t, "cache_read")).cacheWrite5mTokens(Rows.count(t, "cache_creation"))
          .requests(0)
          .reportedCost(cents != null && usd ? cents.movePointLeft(2) : null)
          .build());
    }
    JsonNode core = row.path("core_metrics");
    Object[] key = {actorKey, customer, terminal};
    Rows.outcome(outcomes, CLAUDE_CODE, day, Tools.CLAUDE_CODE, OutcomeKind.SESSION, Rows.count(core, "num_sessions"), who, null, key);
    Rows.outcome(outcomes, CLAUDE_CODE, day, Tools.CLAUDE_CODE, OutcomeKind.LINES_ADDED, Rows.count(core.path("lines_of_code"), "added"), who, null, key);
    Rows.outcome(outcomes, CLAUDE_CODE, day, Tools.CLAUDE_CODE, OutcomeKind.LINES_REMOVED, Rows.count(core.path("lines_of_code"), "removed"), who, null, key);
    Rows.outcome(outcomes, CLAUDE_CODE, day, Tools.CLAUDE_CODE, OutcomeKind.COMMIT, Rows.count(core, "commits_by_claude_code"), who, null, key);
    Rows.outcome(outcomes, CLAUDE_CODE, day, Tools.CLAUDE_CODE, OutcomeKind.PULL_REQUEST, Rows.count(core, "pull_requests_by_claude_code"), who, null, key);
    var tools = row.path("tool_actions").fields();
    while (tools.hasNext()) {
      var e = tools.next();
      Rows.outcome(outcomes, CLAUDE_CODE, day, Tools.CLAUDE_CODE, OutcomeKind.EDIT_ACCEPTED, Rows.count(e.getValue(), "accepted"), who, e.getKey(), key);
      Rows.outcome(outcomes, CLAUDE_CODE, day, Tools.CLAUDE_CODE, OutcomeKind.EDIT_REJECTED, Rows.count(e.getValue(), "rejected"), who, e.getKey(), key);
    }
  }

  private long messages(LocalDate day, ImportSink sink) throws InterruptedException {
    Map<List<String>, BigDecimal> costs = costs(day);
    List<UsageRecord> rows = new ArrayList<>();
    String page = null;
    do {
      JsonNode body = http.get(window(Query.of(config.baseUrl(), "/v1/organizations/usage_report/messages"), day)
          .param("group_by[]", "api_key_id").param("group_by[]", "workspace_id").param("group_by[]", "model")
          .param("page", page).uri(), headers);
      for (JsonNode bucket : body.path("data")) {
        if (!sameDay(bucket, day)) continue;
        for (JsonNode r : bucket.path("results")) rows.add(messagesRow(r, day));
      }
      page = next(body, "/v1/organizations/usage_report/messages");
    } while (page != null);
    StreamDay out = new StreamDay(sink, MESSAGES, day);
    out.accept(CostShares.spread(rows, costs, r -> List.of(String.valueOf(r.project()), r.model())), List.of());
    out.complete();
    return out.count();
  }

  private static UsageRecord messagesRow(JsonNode r, LocalDate day) {
    String key = Rows.text(r, "api_key_id");
    String workspace = Rows.text(r, "workspace_id");
    String model = Rows.text(r, "model");
    JsonNode creation = r.path("cache_creation");
    return UsageRecord.builder()
        .id(ImportIds.of(MESSAGES, day, key, workspace, model))
        .timestamp(Rows.noon(day)).source(Sources.IMPORT).tool(Tools.API).provider("anthropic").model(model)
        .identity(Rows.identity(RawIdentity.Kind.API_KEY, "anthropic", key))
        .project(workspace)
        .inputTokens(Rows.count(r, "uncached_input_tokens")).outputTokens(Rows.count(r, "output_tokens"))
        .cacheReadTokens(Rows.count(r, "cache_read_input_tokens"))
        .cacheWrite5mTokens(Rows.count(creation, "ephemeral_5m_input_tokens"))
        .cacheWrite1hTokens(Rows.count(creation, "ephemeral_1h_input_tokens"))
        .requests(0).build();
  }

  /** Token costs of the day in USD by (workspace, model); amounts arrive in cents as decimal strings. */
  private Map<List<String>, BigDecimal> costs(LocalDate day) throws InterruptedException {
    Map<List<String>, BigDecimal> out = new HashMap<>();
    String page = null;
    do {
      JsonNode body = http.get(window(Query.of(config.baseUrl(), "/v1/organizations/cost_report"), day)
          .param("group_by[]", "workspace_id").param("group_by[]", "description").param("page", page).uri(), headers);
      for (JsonNode bucket : body.path("data")) {
        if (!sameDay(bucket, day)) continue;
        for (JsonNode r : bucket.path("results")) {
          if (!"tokens".equals(r.path("cost_type").asText("tokens"))) continue;
          if (!"USD".equalsIgnoreCase(r.path("currency").asText("USD"))) continue;
          BigDecimal cents = Rows.decimal(r.path("amount"), "cost_report amount");
          String model = Rows.text(r, "model");
          if (cents == null || model == null) continue;
          out.merge(List.of(String.valueOf(Rows.text(r, "workspace_id")), model), cents.movePointLeft(2), BigDecimal::add);
        }
      }
      page = next(body, "/v1/organizations/cost_report");
    } while (page != null);
    return out;
  }

  private static Query window(Query q, LocalDate day) {
    return q.param("starting_at", Rows.startOf(day)).param("ending_at", Rows.startOf(day.plusDays(1)))
        .param("bucket_width", "1d").param("limit", 1);
  }

  private static boolean sameDay(JsonNode bucket, LocalDate day) {
    String start = Rows.text(bucket, "starting_at");
    return start == null || start.startsWith(day.toString());
  }

  private static String next(JsonNode body, String path) {
    if (!body.path("has_more").asBoolean(false)) return null;
    String next = Rows.text(body, "next_page");
    if (next == null) throw new VendorException("anthropic " + path + ": has_more without next_page");
    return next;
  }

  @Override
  public long pullDirectory(ImportSink sink) throws InterruptedException {
    Map<String, String> emails = new HashMap<>();
    List<IdentityLink> links = new ArrayList<>();
    String after = null;
    do {
      JsonNode body = http.get(Query.of(config.baseUrl(), "/v1/organizations/users").param("limit", 1000)
          .param("after_id", after).uri(), headers);
      for (JsonNode u : body.path("data")) {
        String id = Rows.text(u, "id");
        RawIdentity email = Rows.email(Rows.text(u, "email"));
        if (id == null || email == null) continue;
        emails.put(id, email.value());
        links.add(new IdentityLink(List.of(new RawIdentity(RawIdentity.Kind.USER_ID, "anthropic:" + id), email), "anthropic user"));
      }
      after = body.path("has_more").asBoolean(false) ? Rows.text(body, "last_id") : null;
    } while (after != null);
    Map<String, Integer> names = new HashMap<>();
    List<JsonNode> keys = new ArrayList<>();
    after = null;
    do {
      JsonNode body = http.get(Query.of(config.baseUrl(), "/v1/organizations/api_keys").param("limit", 1000)
          .param("after_id", after).uri(), headers);
      for (JsonNode k : body.path("data")) {
        keys.add(k);
        String name = Rows.text(k, "name");
        if (name != null) names.merge(name, 1, Integer::sum);
      }
      after = body.path("has_more").asBoolean(false) ? Rows.text(body, "last_id") : null;
    } while (after != null);
    for (JsonNode k : keys) {
      RawIdentity key = Rows.identity(RawIdentity.Kind.API_KEY, "anthropic", Rows.text(k, "id"));
      if (key == null) continue;
      String name = Rows.text(k, "name");
      if (name != null && names.get(name) == 1) {
        links.add(new IdentityLink(List.of(key, new RawIdentity(RawIdentity.Kind.API_KEY, "anthropic-key-name:" + name)),
            "anthropic api key (name)"));
      }
      JsonNode by = k.path("created_by");
      String email = "user".equals(by.path("type").asText()) ? emails.get(Rows.text(by, "id")) : null;
      if (email != null) links.add(new IdentityLink(List.of(key, RawIdentity.email(email)), "anthropic api key (creator)"));
    }
    sink.identities(links);
    return 0;
  }
}
