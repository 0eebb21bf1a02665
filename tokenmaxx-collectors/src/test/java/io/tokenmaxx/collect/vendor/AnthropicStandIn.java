package io.tokenmaxx.collect.vendor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Stand-in of Anthropic's Admin API: {@code /v1/organizations/usage_report/claude_code} (records
 * of one day, {@code limit}/{@code page}), {@code usage_report/messages} and {@code cost_report}
 * (time buckets with {@code results}, {@code group_by[]}, {@code has_more}/{@code next_page}),
 * {@code users} and {@code api_keys} ({@code limit}/{@code after_id}, {@code last_id}).
 * Authentication: {@code x-api-key} plus {@code anthropic-version}.
 */
final class AnthropicStandIn implements VendorStandIn {
  static final String KEY = "sk-ant-admin01-standin-secret-value";
  private static final String[] MODELS = {"claude-sonnet-4-5-20250929", "claude-opus-4-1-20250805", "claude-haiku-4-5-20251001"};

  private final StandInServer server;
  private final LocalDate today;
  private final Map<LocalDate, List<ObjectNode>> claudeCode = new HashMap<>();
  private final Map<LocalDate, List<ObjectNode>> messages = new HashMap<>();
  private final Map<LocalDate, List<ObjectNode>> costs = new HashMap<>();
  private final List<ObjectNode> users = new ArrayList<>();
  private final List<ObjectNode> keys = new ArrayList<>();
  private final int perMessagesPage;

  AnthropicStandIn(LocalDate today, long seed, int people) throws IOException {
    this(today, seed, people, true);
  }

  AnthropicStandIn(LocalDate today, long seed, int people, boolean faults) throws IOException {
    this.today = today;
    this.perMessagesPage = 7;
    server = new StandInServer(r -> KEY.equals(r.headers().get("x-api-key")) && r.headers().containsKey("anthropic-version"),
        StandInServer.Answer.text(401, "application/json",
            "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}"));
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int u = 0; u < people; u++) {
      ObjectNode user = obj().put("id", "user_" + u).put("type", "user").put("email", "dev" + u + "@example.com")
          .put("name", "Dev " + u).put("role", "developer");
      users.add(user);
      keys.add(obj().put("id", "apikey_" + u).put("type", "api_key").put("name", "key of dev " + u)
          .put("workspace_id", "wrkspc_" + (u % 3)).put("status", "active")
          .set("created_by", obj().put("id", "user_" + u).put("type", "user")));
    }
    for (LocalDate d = today.minusDays(2); !d.isAfter(today); d = d.plusDays(1)) {
      if (d.equals(emptyDay())) continue;
      List<ObjectNode> cc = new ArrayList<>();
      for (int u = 0; u <= people; u++) {
        String email = u == people ? "stranger@elsewhere.example" : "dev" + u + "@example.com"; // unknown user
        ObjectNode row = obj().put("date", d + "T00:00:00Z").put("organization_id", "org-1")
            .put("customer_type", rnd.nextBoolean() ? "api" : "subscription").put("terminal_type", "vscode");
        row.set("actor", u % 7 == 6 ? obj().put("type", "api_actor").put("api_key_name", "key of dev " + u)
            : obj().put("type", "user_actor").put("email_address", email));
        row.set("core_metrics", obj().put("num_sessions", rnd.nextInt(1, 9)).put("commits_by_claude_code", rnd.nextInt(0, 4))
            .put("pull_requests_by_claude_code", rnd.nextInt(0, 2))
            .set("lines_of_code", obj().put("added", rnd.nextInt(0, 900)).put("removed", rnd.nextInt(0, 300))));
        row.set("tool_actions", obj().set("edit_tool", obj().put("accepted", rnd.nextInt(0, 30)).put("rejected", rnd.nextInt(0, 5))));
        ((ObjectNode) row.get("tool_actions")).set("write_tool", obj().put("accepted", rnd.nextInt(0, 10)).put("rejected", 0));
        ArrayNode breakdown = row.putArray("model_breakdown");
        for (int m = 0; m < 1 + rnd.nextInt(MODELS.length); m++) {
          ObjectNode mb = obj().put("model", MODELS[m]);
          mb.set("tokens", obj().put("input", rnd.nextInt(0, 90_000)).put("output", rnd.nextInt(0, 20_000))
              .put("cache_read", rnd.nextInt(0, 400_000)).put("cache_creation", rnd.nextInt(0, 30_000)));
          mb.set("estimated_cost", obj().put("currency", "USD").put("amount", rnd.nextInt(1, 5_000)));
          breakdown.add(mb);
        }
        cc.add(row);
      }
      claudeCode.put(d, cc);
      List<ObjectNode> msg = new ArrayList<>();
      for (int k = 0; k <= people; k++) {
        String key = k == people ? "apikey_unlisted" : "apikey_" + k; // a key the listing does not have
        for (String model : List.of(MODELS[0], MODELS[2])) {
          ObjectNode r = obj().put("uncached_input_tokens", rnd.nextInt(0, 50_000)).put("output_tokens", rnd.nextInt(0, 9_000))
              .put("cache_read_input_tokens", rnd.nextInt(0, 90_000)).put("api_key_id", key)
              .put("workspace_id", "wrkspc_" + (k % 3)).put("model", model).putNull("service_tier");
          r.set("cache_creation", obj().put("ephemeral_5m_input_tokens", rnd.nextInt(0, 4_000))
              .put("ephemeral_1h_input_tokens", rnd.nextInt(0, 2_000)));
          r.set("server_tool_use", obj().put("web_search_requests", 0));
          msg.add(r);
        }
      }
      msg.add(obj().put("uncached_input_tokens", 1200).put("output_tokens", 300).put("cache_read_input_tokens", 0)
          .putNull("api_key_id").put("workspace_id", "wrkspc_0").put("model", MODELS[1])); // console use: no key
      messages.put(d, msg);
      List<ObjectNode> cost = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        cost.add(obj().put("currency", "USD").put("amount", (rnd.nextInt(100, 90_000) / 100.0) + "")
            .put("workspace_id", "wrkspc_" + w).put("description", "Claude Sonnet 4.5 Usage - Input Tokens")
            .put("cost_type", "tokens").put("model", MODELS[0]).put("token_type", "uncached_input_tokens"));
      }
      cost.add(obj().put("currency", "USD").put("amount", "1000").putNull("workspace_id")
          .put("description", "Web Search").put("cost_type", "web_search").putNull("model"));
      costs.put(d, cost);
    }
    routes();
    if (faults) {
      server.fault(throttledPath(), 429, "2");
      server.fault(failingPath(), 500, null);
    }
  }

  private void routes() {
    server.route("GET", "/v1/organizations/usage_report/claude_code", r -> {
      LocalDate day = LocalDate.parse(require(r.param("starting_at"), "starting_at"));
      int limit = Integer.parseInt(r.param("limit") == null ? "20" : r.param("limit"));
      if (limit < 1 || limit > 1000) throw new IllegalArgumentException("limit must be 1..1000");
      List<ObjectNode> rows = claudeCode.getOrDefault(day, List.of());
      int offset = r.param("page") == null ? 0 : Integer.parseInt(r.param("page").substring("page_".length()));
      ObjectNode body = obj();
      ArrayNode data = body.putArray("data");
      rows.subList(Math.min(offset, rows.size()), Math.min(offset + limit, rows.size())).forEach(data::add);
      boolean more = offset + limit < rows.size();
      body.put("has_more", more);
      if (more) body.put("next_page", "page_" + (offset + limit));
      else body.putNull("next_page");
      return StandInServer.Answer.json(body);
    });
    server.route("GET", "/v1/organizations/usage_report/messages", r -> {
      if (!r.params("group_by[]").containsAll(List.of("api_key_id", "workspace_id", "model"))) {
        throw new IllegalArgumentException("expected group_by[] api_key_id, workspace_id, model: " + r.query());
      }
      return buckets(r, messages, perMessagesPage);
    });
    server.route("GET", "/v1/organizations/cost_report", r -> buckets(r, costs, 2));
    server.route("GET", "/v1/organizations/users", r -> list(r, users));
    server.route("GET", "/v1/organizations/api_keys", r -> list(r, keys));
  }

  /** One bucket per day in [starting_at, ending_at); a bucket's results split over pages of {@code per}. */
  private static StandInServer.Answer buckets(StandInServer.Request r, Map<LocalDate, List<ObjectNode>> days, int per) {
    OffsetDateTime start = OffsetDateTime.parse(require(r.param("starting_at"), "starting_at"));
    OffsetDateTime end = OffsetDateTime.parse(require(r.param("ending_at"), "ending_at"));
    if (!"1d".equals(r.param("bucket_width"))) throw new IllegalArgumentException("bucket_width 1d expected");
    LocalDate day = start.toLocalDate();
    if (!end.toLocalDate().equals(day.plusDays(1))) throw new IllegalArgumentException("one day per request expected");
    List<ObjectNode> rows = days.getOrDefault(day, List.of());
    int offset = r.param("page") == null ? 0 : Integer.parseInt(r.param("page").substring("page_".length()));
    ObjectNode body = obj();
    ObjectNode bucket = body.putArray("data").addObject()
        .put("starting_at", day.atStartOfDay().atOffset(ZoneOffset.UTC).toString().replace("Z", ":00Z"))
        .put("ending_at", day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).toString().replace("Z", ":00Z"));
    ArrayNode results = bucket.putArray("results");
    rows.subList(Math.min(offset, rows.size()), Math.min(offset + per, rows.size())).forEach(results::add);
    boolean more = offset + per < rows.size();
    body.put("has_more", more);
    if (more) body.put("next_page", "page_" + (offset + per));
    else body.putNull("next_page");
    return StandInServer.Answer.json(body);
  }

  private static StandInServer.Answer list(StandInServer.Request r, List<ObjectNode> items) {
    int limit = Math.min(Integer.parseInt(r.param("limit") == null ? "20" : r.param("limit")), 3); // small pages
    int from = 0;
    if (r.param("after_id") != null) {
      for (int i = 0; i < items.size(); i++) if (items.get(i).get("id").asText().equals(r.param("after_id"))) from = i + 1;
    }
    ObjectNode body = obj();
    ArrayNode data = body.putArray("data");
    List<ObjectNode> page = items.subList(Math.min(from, items.size()), Math.min(from + limit, items.size()));
    page.forEach(data::add);
    body.put("has_more", from + limit < items.size());
    if (!page.isEmpty()) body.put("first_id", page.get(0).get("id").asText()).put("last_id", page.get(page.size() - 1).get("id").asText());
    return StandInServer.Answer.json(body);
  }

  @Override
  public Served served(LocalDate from, LocalDate through) {
    Served s = new Served();
    for (LocalDate day = from; !day.isAfter(through); day = day.plusDays(1)) {
      final LocalDate d = day;
      for (ObjectNode row : claudeCode.getOrDefault(d, List.of())) {
        var actor = row.get("actor");
        String who = actor.has("email_address") ? "email:" + actor.get("email_address").asText()
            : "api_key:anthropic-key-name:" + actor.get("api_key_name").asText();
        for (var mb : row.get("model_breakdown")) {
          var t = mb.get("tokens");
          s.usage(who, d, mb.get("model").asText(), new Served.Tokens(t.get("input").asLong(), t.get("output").asLong(),
              t.get("cache_read").asLong(), t.get("cache_creation").asLong(), 0, 0,
              BigDecimal.valueOf(mb.get("estimated_cost").get("amount").asLong(), 2)));
        }
        var core = row.get("core_metrics");
        s.outcome(who, d, "session", core.get("num_sessions").asDouble());
        s.outcome(who, d, "commit", core.get("commits_by_claude_code").asDouble());
        s.outcome(who, d, "pull_request", core.get("pull_requests_by_claude_code").asDouble());
        s.outcome(who, d, "lines_added", core.get("lines_of_code").get("added").asDouble());
        s.outcome(who, d, "lines_removed", core.get("lines_of_code").get("removed").asDouble());
        row.get("tool_actions").fields().forEachRemaining(e -> {
          s.outcome(who, d, "edit_accepted/" + e.getKey(), e.getValue().get("accepted").asDouble());
          s.outcome(who, d, "edit_rejected/" + e.getKey(), e.getValue().get("rejected").asDouble());
        });
      }
      Map<List<String>, BigDecimal> cost = new HashMap<>();
      for (ObjectNode c : costs.getOrDefault(d, List.of())) {
        if (c.get("cost_type").asText().equals("tokens")) {
          cost.merge(List.of(c.get("workspace_id").asText(), c.get("model").asText()),
              new BigDecimal(c.get("amount").asText()).movePointLeft(2), BigDecimal::add);
        }
      }
      Map<List<String>, Boolean> costed = new HashMap<>();
      for (ObjectNode r : messages.getOrDefault(d, List.of())) {
        String who = r.get("api_key_id").isNull() ? "null" : "api_key:anthropic:" + r.get("api_key_id").asText();
        var cc = r.get("cache_creation");
        List<String> wm = List.of(r.get("workspace_id").asText(), r.get("model").asText());
        // the whole cost of a workspace and model lands on its rows; booked once, on the first row seen
        BigDecimal c = cost.containsKey(wm) && costed.putIfAbsent(wm, true) == null ? cost.get(wm) : BigDecimal.ZERO;
        s.usage(who, d, r.get("model").asText(), new Served.Tokens(r.get("uncached_input_tokens").asLong(),
            r.get("output_tokens").asLong(), r.get("cache_read_input_tokens").asLong(),
            cc == null ? 0 : cc.get("ephemeral_5m_input_tokens").asLong(), cc == null ? 0 : cc.get("ephemeral_1h_input_tokens").asLong(),
            0, c));
      }
    }
    return s;
  }

  @Override
  public void revise(LocalDate day) {
    List<ObjectNode> rows = claudeCode.get(day);
    ObjectNode mb = (ObjectNode) rows.get(0).get("model_breakdown").get(0);
    ((ObjectNode) mb.get("tokens")).put("input", mb.get("tokens").get("input").asLong() + 12_345).put("output", 7);
    rows.remove(rows.size() - 1); // the unknown user's row is withdrawn
    messages.get(day).remove(0);
  }

  @Override
  public Set<String> unknownIdentities() {
    return Set.of("email:stranger@elsewhere.example", "api_key:anthropic:apikey_unlisted");
  }

  @Override
  public LocalDate emptyDay() {
    return today.minusDays(1);
  }

  @Override
  public String throttledPath() {
    return "/v1/organizations/usage_report/claude_code";
  }

  @Override
  public String failingPath() {
    return "/v1/organizations/usage_report/messages";
  }

  @Override
  public Vendor vendor() {
    return Vendor.ANTHROPIC;
  }

  @Override
  public StandInServer server() {
    return server;
  }

  @Override
  public String adminKey() {
    return KEY;
  }

  static String require(String v, String name) {
    if (v == null) throw new IllegalArgumentException(name + " is required");
    return v;
  }

  static ObjectNode obj() {
    return StandInServer.JSON.createObjectNode();
  }

  @Override
  public void close() {
    server.close();
  }
}
