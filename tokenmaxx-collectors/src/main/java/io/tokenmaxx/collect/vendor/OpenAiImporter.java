package io.tokenmaxx.collect.vendor;

import com.fasterxml.jackson.databind.JsonNode;
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
 * OpenAI's Administration API: organization usage of completions and embeddings grouped by
 * project, user, API key and model; the costs per project and line item (spread over the usage
 * rows of their project and model as their reported cost); the users, projects and project API
 * keys that link key and user ids to e-mails. Request and response shapes: the module README.
 */
final class OpenAiImporter implements VendorImporter {
  static final String COMPLETIONS = "openai.completions";
  static final String EMBEDDINGS = "openai.embeddings";

  private final ImporterConfig config;
  private final VendorHttp http;
  private final Map<String, String> headers;

  OpenAiImporter(ImporterConfig config, VendorHttp http) {
    this.config = config;
    this.http = http;
    this.headers = Map.of("Authorization", "Bearer " + config.adminKey().reveal());
  }

  @Override
  public Vendor vendor() {
    return Vendor.OPENAI;
  }

  @Override
  public List<String> streams() {
    return List.of(COMPLETIONS, EMBEDDINGS);
  }

  @Override
  public long pullDay(LocalDate day, ImportSink sink) throws InterruptedException {
    Map<List<String>, BigDecimal> costs = costs(day);
    return usage(day, "completions", COMPLETIONS, costs, sink) + usage(day, "embeddings", EMBEDDINGS, costs, sink);
  }

  private long usage(LocalDate day, String kind, String stream, Map<List<String>, BigDecimal> costs, ImportSink sink)
      throws InterruptedException {
    String path = "/v1/organization/usage/" + kind;
    List<UsageRecord> rows = new ArrayList<>();
    String page = null;
    do {
      JsonNode body = http.get(window(Query.of(config.baseUrl(), path), day)
          .param("group_by", "project_id").param("group_by", "user_id").param("group_by", "api_key_id")
          .param("group_by", "model").param("page", page).uri(), headers);
      for (JsonNode bucket : body.path("data")) {
        if (bucket.has("start_time") && bucket.path("start_time").asLong() != Rows.startOf(day).getEpochSecond()) continue;
        for (JsonNode r : bucket.path("results")) rows.add(row(r, stream, day));
      }
      page = next(body, path);
    } while (page != null);
    StreamDay out = new StreamDay(sink, stream, day);
    out.accept(CostShares.spread(rows, costs, r -> List.of(String.valueOf(r.project()), r.model())), List.of());
    out.complete();
    return out.count();
  }

  private static UsageRecord row(JsonNode r, String stream, LocalDate day) {
    String project = Rows.text(r, "project_id");
    String user = Rows.text(r, "user_id");
    String key = Rows.text(r, "api_key_id");
    String model = Rows.text(r, "model");
    String batch = Rows.text(r, "batch");
    String tier = Rows.text(r, "service_tier");
    long input = Rows.count(r, "input_tokens");
    long cached = Math.min(input, Rows.count(r, "input_cached_tokens"));
    RawIdentity who = user != null ? Rows.identity(RawIdentity.Kind.USER_ID, "openai", user)
        : Rows.identity(RawIdentity.Kind.API_KEY, "openai", key);
    long requests = Rows.count(r, "num_model_requests");
    return UsageRecord.builder()
        .id(ImportIds.of(stream, day, project, user, key, model, batch, tier))
        .timestamp(Rows.noon(day)).source(Sources.IMPORT).tool(Tools.API).provider("openai").model(model)
        .identity(who).project(project)
        // input_tokens includes cached input; audio tokens are counted apart from text tokens
        .inputTokens(input - cached + Rows.count(r, "input_audio_tokens"))
        .cacheReadTokens(cached)
        .outputTokens(Rows.count(r, "output_tokens") + Rows.count(r, "output_audio_tokens"))
        .requests((int) Math.min(Integer.MAX_VALUE, requests))
        .build();
  }

  /** Costs of the day in USD by (project, model); the model is the line item before its first comma. */
  private Map<List<String>, BigDecimal> costs(LocalDate day) throws InterruptedException {
    Map<List<String>, BigDecimal> out = new HashMap<>();
    String page = null;
    do {
      JsonNode body = http.get(window(Query.of(config.baseUrl(), "/v1/organization/costs"), day)
          .param("group_by", "project_id").param("group_by", "line_item").param("page", page).uri(), headers);
      for (JsonNode bucket : body.path("data")) {
        if (bucket.has("start_time") && bucket.path("start_time").asLong() != Rows.startOf(day).getEpochSecond()) continue;
        for (JsonNode r : bucket.path("results")) {
          JsonNode amount = r.path("amount");
          if (!"usd".equalsIgnoreCase(amount.path("currency").asText("usd"))) continue;
          BigDecimal value = Rows.decimal(amount.path("value"), "costs amount.value");
          String item = Rows.text(r, "line_item");
          if (value == null || item == null) continue;
          int comma = item.indexOf(',');
          String model = (comma < 0 ? item : item.substring(0, comma)).strip();
          out.merge(List.of(String.valueOf(Rows.text(r, "project_id")), model), value, BigDecimal::add);
        }
      }
      page = next(body, "/v1/organization/costs");
    } while (page != null);
    return out;
  }

  private static Query window(Query q, LocalDate day) {
    return q.param("start_time", Rows.startOf(day).getEpochSecond())
        .param("end_time", Rows.startOf(day.plusDays(1)).getEpochSecond())
        .param("bucket_width", "1d").param("limit", 1);
  }

  private static String next(JsonNode body, String path) {
    if (!body.path("has_more").asBoolean(false)) return null;
    String next = Rows.text(body, "next_page");
    if (next == null) throw new VendorException("openai " + path + ": has_more without next_page");
    return next;
  }

  @Override
  public long pullDirectory(ImportSink sink) throws InterruptedException {
    List<IdentityLink> links = new ArrayList<>();
    for (JsonNode u : list("/v1/organization/users")) {
      RawIdentity id = Rows.identity(RawIdentity.Kind.USER_ID, "openai", Rows.text(u, "id"));
      RawIdentity email = Rows.email(Rows.text(u, "email"));
      if (id != null && email != null) links.add(new IdentityLink(List.of(id, email), "openai user"));
    }
    for (JsonNode p : list("/v1/organization/projects")) {
      String project = Rows.text(p, "id");
      if (project == null) continue;
      for (JsonNode k : list("/v1/organization/projects/" + project + "/api_keys")) {
        RawIdentity key = Rows.identity(RawIdentity.Kind.API_KEY, "openai", Rows.text(k, "id"));
        JsonNode owner = k.path("owner");
        if (key == null || !"user".equals(owner.path("type").asText())) continue;
        List<RawIdentity> ids = new ArrayList<>(List.of(key));
        RawIdentity user = Rows.identity(RawIdentity.Kind.USER_ID, "openai", Rows.text(owner.path("user"), "id"));
        RawIdentity email = Rows.email(Rows.text(owner.path("user"), "email"));
        if (user != null) ids.add(user);
        if (email != null) ids.add(email);
        if (ids.size() > 1) links.add(new IdentityLink(ids, "openai project api key (owner)"));
      }
    }
    sink.identities(links);
    return 0;
  }

  /** Every item of a cursor-paginated list ({@code limit}, {@code after}, {@code has_more}, {@code last_id}). */
  private List<JsonNode> list(String path) throws InterruptedException {
    List<JsonNode> out = new ArrayList<>();
    String after = null;
    do {
      JsonNode body = http.get(Query.of(config.baseUrl(), path).param("limit", 100).param("after", after).uri(), headers);
      body.path("data").forEach(out::add);
      after = body.path("has_more").asBoolean(false) ? Rows.text(body, "last_id") : null;
    } while (after != null);
    return out;
  }
}
