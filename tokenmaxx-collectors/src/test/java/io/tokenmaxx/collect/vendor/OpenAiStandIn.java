package io.tokenmaxx.collect.vendor;

import static io.tokenmaxx.collect.vendor.AnthropicStandIn.obj;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Stand-in of OpenAI's Administration API: {@code /v1/organization/usage/completions} and
 * {@code /embeddings} and {@code /v1/organization/costs} ({@code start_time}/{@code end_time} in
 * Unix seconds, {@code bucket_width=1d}, repeated {@code group_by}, pages of buckets with
 * {@code has_more}/{@code next_page}), {@code users}, {@code projects} and a project's
 * {@code api_keys} ({@code limit}/{@code after}, {@code last_id}). Authentication: a bearer key.
 */
final class OpenAiStandIn implements VendorStandIn {
  static final String KEY = "sk-admin-standin-openai-secret";
  private static final String[] MODELS = {"gpt-4o-2024-08-06", "o3-mini-2025-01-31"};

  private final StandInServer server;
  private final LocalDate today;
  private final Map<LocalDate, List<ObjectNode>> completions = new HashMap<>();
  private final Map<LocalDate, List<ObjectNode>> embeddings = new HashMap<>();
  private final Map<LocalDate, List<ObjectNode>> costs = new HashMap<>();
  private final List<ObjectNode> users = new ArrayList<>();
  private final List<ObjectNode> projects = new ArrayList<>();
  private final Map<String, List<ObjectNode>> keys = new HashMap<>();

  OpenAiStandIn(LocalDate today, long seed, int people) throws IOException {
    this.today = today;
    server = new StandInServer(r -> ("Bearer " + KEY).equals(r.headers().get("authorization")),
        StandInServer.Answer.text(401, "application/json",
            "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int p = 0; p < 2; p++) {
      String pid = "proj_" + p;
      projects.add(obj().put("id", pid).put("object", "organization.project").put("name", "Project " + p).put("status", "active"));
      keys.put(pid, new ArrayList<>());
    }
    for (int u = 0; u < people; u++) {
      ObjectNode user = obj().put("object", "organization.user").put("id", "user-" + u).put("name", "Dev " + u)
          .put("email", "dev" + u + "@example.com").put("role", "reader");
      users.add(user);
      ObjectNode owner = obj().put("type", "user");
      owner.set("user", user.deepCopy());
      keys.get("proj_" + (u % 2)).add(obj().put("object", "organization.project.api_key").put("id", "key_" + u)
          .put("name", "key " + u).put("redacted_value", "sk-...abcd").set("owner", owner));
    }
    keys.get("proj_1").add(obj().put("object", "organization.project.api_key").put("id", "key_service")
        .set("owner", obj().put("type", "service_account").set("service_account", obj().put("id", "svc_1").put("name", "bot"))));
    for (LocalDate d = today.minusDays(2); !d.isAfter(today); d = d.plusDays(1)) {
      if (d.equals(emptyDay())) continue;
      List<ObjectNode> c = new ArrayList<>();
      for (int u = 0; u <= people + 1; u++) {
        for (String model : MODELS) {
          ObjectNode r = obj().put("object", "organization.usage.completions.result");
          long input = rnd.nextInt(0, 80_000);
          r.put("input_tokens", input).put("input_cached_tokens", rnd.nextLong(0, input + 1))
              .put("output_tokens", rnd.nextInt(0, 20_000)).put("input_audio_tokens", u == 1 ? 500 : 0)
              .put("output_audio_tokens", 0).put("num_model_requests", rnd.nextInt(1, 60))
              .put("project_id", "proj_" + (u % 2)).putNull("batch").putNull("service_tier").put("model", model);
          if (u == people + 1) r.putNull("user_id").put("api_key_id", "key_unlisted"); // a key no project lists
          else if (u == people) r.put("user_id", "user-unlisted").put("api_key_id", "key_gone"); // an unknown user
          else r.put("user_id", "user-" + u).put("api_key_id", "key_" + u);
          c.add(r);
        }
      }
      completions.put(d, c);
      List<ObjectNode> e = new ArrayList<>();
      for (int u = 0; u < people; u += 2) {
        e.add(obj().put("object", "organization.usage.embeddings.result").put("input_tokens", rnd.nextInt(1, 300_000))
            .put("num_model_requests", rnd.nextInt(1, 40)).put("project_id", "proj_" + (u % 2)).put("user_id", "user-" + u)
            .put("api_key_id", "key_" + u).put("model", "text-embedding-3-small"));
      }
      embeddings.put(d, e);
      List<ObjectNode> k = new ArrayList<>();
      for (int p = 0; p < 2; p++) {
        for (String model : MODELS) {
          ObjectNode r = obj().put("object", "organization.costs.result").put("line_item", model + ", input").put("project_id", "proj_" + p);
          r.set("amount", obj().put("value", rnd.nextInt(1, 90_000) / 1000.0).put("currency", "usd"));
          k.add(r);
        }
      }
      costs.put(d, k);
    }
    server.route("GET", "/v1/organization/usage/completions", r -> usage(r, completions));
    server.route("GET", "/v1/organization/usage/embeddings", r -> usage(r, embeddings));
    server.route("GET", "/v1/organization/costs", r -> buckets(r, costs, 3));
    server.route("GET", "/v1/organization/users", r -> list(r, users));
    server.route("GET", "/v1/organization/projects", r -> list(r, projects));
    server.route("GET", "/v1/organization/projects/*", r -> {
      String pid = r.path().split("/")[4];
      if (!r.path().endsWith("/api_keys") || !keys.containsKey(pid)) throw new IllegalArgumentException("no project " + pid);
      return list(r, keys.get(pid));
    });
    server.fault(throttledPath(), 429, "2");
    server.fault(failingPath(), 500, null);
  }

  private static StandInServer.Answer usage(StandInServer.Request r, Map<LocalDate, List<ObjectNode>> days) {
    if (!r.params("group_by").containsAll(List.of("project_id", "user_id", "api_key_id", "model"))) {
      throw new IllegalArgumentException("group_by project_id, user_id, api_key_id, model expected: " + r.query());
    }
    return buckets(r, days, 4);
  }

  private static StandInServer.Answer buckets(StandInServer.Request r, Map<LocalDate, List<ObjectNode>> days, int per) {
    long start = Long.parseLong(AnthropicStandIn.require(r.param("start_time"), "start_time"));
    long end = Long.parseLong(AnthropicStandIn.require(r.param("end_time"), "end_time"));
    if (!"1d".equals(r.param("bucket_width"))) throw new IllegalArgumentException("bucket_width 1d expected");
    if (end - start != 86_400 || start % 86_400 != 0) throw new IllegalArgumentException("one whole day expected");
    LocalDate day = LocalDate.ofEpochDay(start / 86_400);
    List<ObjectNode> rows = days.getOrDefault(day, List.of());
    int offset = r.param("page") == null ? 0 : Integer.parseInt(r.param("page"));
    ObjectNode body = obj().put("object", "page");
    ObjectNode bucket = body.putArray("data").addObject().put("object", "bucket").put("start_time", start).put("end_time", end);
    ArrayNode results = bucket.putArray("results");
    rows.subList(Math.min(offset, rows.size()), Math.min(offset + per, rows.size())).forEach(results::add);
    boolean more = offset + per < rows.size();
    body.put("has_more", more);
    if (more) body.put("next_page", String.valueOf(offset + per));
    else body.putNull("next_page");
    return StandInServer.Answer.json(body);
  }

  private static StandInServer.Answer list(StandInServer.Request r, List<ObjectNode> items) {
    int limit = Math.min(Integer.parseInt(r.param("limit") == null ? "20" : r.param("limit")), 2);
    int from = 0;
    if (r.param("after") != null) {
      for (int i = 0; i < items.size(); i++) if (items.get(i).get("id").asText().equals(r.param("after"))) from = i + 1;
    }
    ObjectNode body = obj().put("object", "list");
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
    for (LocalDate d = from; !d.isAfter(through); d = d.plusDays(1)) {
      BigDecimal cost = BigDecimal.ZERO;
      for (ObjectNode c : costs.getOrDefault(d, List.of())) cost = cost.add(c.get("amount").get("value").decimalValue());
      boolean booked = false;
      for (var rows : List.of(completions.getOrDefault(d, List.of()), embeddings.getOrDefault(d, List.of()))) {
        for (ObjectNode r : rows) {
          String who = r.get("user_id").isNull() ? "api_key:openai:" + r.get("api_key_id").asText() : "user_id:openai:" + r.get("user_id").asText();
          long input = r.get("input_tokens").asLong();
          long cached = r.path("input_cached_tokens").asLong(0);
          s.usage(who, d, r.get("model").asText(), new Served.Tokens(input - cached + r.path("input_audio_tokens").asLong(0),
              r.path("output_tokens").asLong(0) + r.path("output_audio_tokens").asLong(0), cached, 0, 0,
              r.get("num_model_requests").asLong(), booked ? BigDecimal.ZERO : cost));
          booked = true;
        }
      }
    }
    return s;
  }

  @Override
  public void revise(LocalDate day) {
    List<ObjectNode> rows = completions.get(day);
    rows.get(0).put("output_tokens", rows.get(0).get("output_tokens").asLong() + 999).put("num_model_requests", 1);
    rows.remove(1);
  }

  @Override
  public Set<String> unknownIdentities() {
    return Set.of("user_id:openai:user-unlisted", "api_key:openai:key_unlisted");
  }

  @Override
  public LocalDate emptyDay() {
    return today.minusDays(1);
  }

  @Override
  public String throttledPath() {
    return "/v1/organization/usage/completions";
  }

  @Override
  public String failingPath() {
    return "/v1/organization/projects";
  }

  @Override
  public Vendor vendor() {
    return Vendor.OPENAI;
  }

  @Override
  public StandInServer server() {
    return server;
  }

  @Override
  public String adminKey() {
    return KEY;
  }

  @Override
  public void close() {
    server.close();
  }

  static long epoch(LocalDate d) {
    return d.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
  }
}
