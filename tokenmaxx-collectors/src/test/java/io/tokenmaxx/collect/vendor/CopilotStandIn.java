package io.tokenmaxx.collect.vendor;

import static io.tokenmaxx.collect.vendor.AnthropicStandIn.obj;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Stand-in of GitHub's Copilot APIs for an organization: {@code GET
 * /orgs/{org}/copilot/metrics/reports/users-1-day?day=} answering {@code download_links} to NDJSON
 * files of per-user records (served here under {@code /download/}, without authentication, like
 * signed links), and {@code GET /orgs/{org}/copilot/billing/seats} ({@code per_page}, {@code page};
 * {@code total_seats}, {@code seats[]} with {@code assignee}, {@code last_activity_at},
 * {@code last_activity_editor}). Bearer token; reports trail today by two days.
 */
final class CopilotStandIn implements VendorStandIn {
  static final String KEY = "ghp_standinCopilotToken0123456789";
  static final String ORG = "acme";
  private static final String[] MODELS = {"gpt-4.1", "claude-sonnet-4"};

  private final StandInServer server;
  private final LocalDate today;
  private final Map<LocalDate, List<ObjectNode>> reports = new HashMap<>();
  private final List<ObjectNode> seats = new ArrayList<>();

  CopilotStandIn(LocalDate today, long seed, int people) throws IOException {
    this.today = today;
    server = new StandInServer(r -> ("Bearer " + KEY).equals(r.headers().get("authorization"))
        && r.headers().get("x-github-api-version") != null,
        StandInServer.Answer.text(401, "application/json", "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}"));
    SplittableRandom rnd = new SplittableRandom(seed);
    LocalDate last = today.minusDays(2);
    for (int p = 0; p < people; p++) {
      LocalDate activeOn = last.minusDays(rnd.nextInt(0, 3));
      ObjectNode seat = obj().put("created_at", "2025-11-01T10:00:00Z").put("plan_type", "business")
          .put("last_activity_at", activeOn.atTime(9 + p % 8, 17, 5).toInstant(ZoneOffset.UTC).toString())
          .put("last_activity_editor", "vscode/1.101.0/copilot-chat/0.28.0");
      seat.set("assignee", obj().put("login", "dev" + p).put("id", 5000 + p).put("type", "User"));
      seats.add(seat);
    }
    for (LocalDate d = last.minusDays(2); !d.isAfter(last); d = d.plusDays(1)) {
      if (d.equals(emptyDay())) continue;
      List<ObjectNode> users = new ArrayList<>();
      for (int p = 0; p <= people; p++) {
        if (p < people && rnd.nextInt(5) == 0) continue; // not active that day
        long id = p == people ? 999_999 : 5000 + p; // a user with no seat in this organization
        ObjectNode u = obj().put("day", d.toString()).put("organization_id", "77").put("user_id", id)
            .put("user_login", p == people ? "outsider" : "dev" + p)
            .put("code_acceptance_activity_count", rnd.nextInt(0, 60)).put("code_generation_activity_count", rnd.nextInt(1, 90))
            .put("loc_added_sum", rnd.nextInt(0, 400)).put("loc_deleted_sum", rnd.nextInt(0, 100))
            .put("loc_suggested_to_add_sum", 500).put("loc_suggested_to_delete_sum", 50)
            .put("used_agent", rnd.nextBoolean()).put("used_chat", true);
        ArrayNode byModel = u.putArray("totals_by_model_feature");
        long interactions = 0;
        for (String model : MODELS) {
          if (rnd.nextBoolean()) continue;
          long n = rnd.nextInt(0, 30);
          interactions += n;
          byModel.addObject().put("model", model).put("feature", "chat_panel_agent_mode").put("user_initiated_interaction_count", n)
              .put("code_generation_activity_count", 3).put("code_acceptance_activity_count", 1);
        }
        u.put("user_initiated_interaction_count", interactions);
        users.add(u);
      }
      reports.put(d, users);
    }
    String base = "/orgs/" + ORG + "/copilot";
    server.route("GET", base + "/metrics/reports/users-1-day", r -> {
      LocalDate day = LocalDate.parse(AnthropicStandIn.require(r.param("day"), "day"));
      if (day.isAfter(last)) return StandInServer.Answer.text(404, "application/json", "{\"message\":\"Not Found\"}");
      ObjectNode body = obj();
      ArrayNode links = body.putArray("download_links");
      List<ObjectNode> users = reports.getOrDefault(day, List.of());
      if (!users.isEmpty()) {
        links.add(baseUrl() + "/download/" + day + "/1.ndjson?sig=abc");
        links.add(baseUrl() + "/download/" + day + "/2.ndjson?sig=def");
      }
      body.put("report_day", day.toString());
      return StandInServer.Answer.json(body);
    });
    server.route("GET", "/download/*", r -> {
      String[] parts = r.path().split("/");
      List<ObjectNode> users = reports.getOrDefault(LocalDate.parse(parts[2]), List.of());
      int half = users.size() / 2;
      List<ObjectNode> file = parts[3].startsWith("1") ? users.subList(0, half) : users.subList(half, users.size());
      StringBuilder sb = new StringBuilder();
      for (ObjectNode u : file) sb.append(u).append('\n');
      return StandInServer.Answer.text(200, "application/x-ndjson", sb.toString());
    });
    server.route("GET", base + "/billing/seats", r -> {
      int per = Integer.parseInt(r.param("per_page") == null ? "50" : r.param("per_page"));
      if (per > 100) throw new IllegalArgumentException("per_page must be at most 100");
      per = Math.min(per, 3); // several pages
      int page = Integer.parseInt(r.param("page") == null ? "1" : r.param("page"));
      ObjectNode body = obj().put("total_seats", seats.size());
      ArrayNode out = body.putArray("seats");
      seats.subList(Math.min((page - 1) * per, seats.size()), Math.min(page * per, seats.size())).forEach(out::add);
      return StandInServer.Answer.json(body);
    });
    server.fault(throttledPath(), 429, "2");
    server.fault(failingPath(), 500, null);
  }

  @Override
  public Served served(LocalDate from, LocalDate through) {
    Served s = new Served();
    for (Map.Entry<LocalDate, List<ObjectNode>> e : new TreeMap<>(reports).entrySet()) {
      LocalDate d = e.getKey();
      if (d.isBefore(from) || d.isAfter(through)) continue;
      for (ObjectNode u : e.getValue()) {
        String who = "user_id:github:" + u.get("user_id").asText();
        Map<String, Long> byModel = new TreeMap<>();
        u.get("totals_by_model_feature").forEach(m -> byModel.merge(m.get("model").asText(), m.get("user_initiated_interaction_count").asLong(), Long::sum));
        if (byModel.isEmpty()) byModel.put("unknown", u.get("user_initiated_interaction_count").asLong());
        byModel.forEach((model, n) -> s.usage(who, d, model, new Served.Tokens(0, 0, 0, 0, 0, n, BigDecimal.ZERO)));
        s.outcome(who, d, "edit_accepted", u.get("code_acceptance_activity_count").asDouble());
        s.outcome(who, d, "lines_added", u.get("loc_added_sum").asDouble());
        s.outcome(who, d, "lines_removed", u.get("loc_deleted_sum").asDouble());
      }
    }
    for (ObjectNode seat : seats) {
      LocalDate d = LocalDate.ofInstant(Instant.parse(seat.get("last_activity_at").asText()), ZoneOffset.UTC);
      if (d.isBefore(from) || d.isAfter(through)) continue;
      s.usage("user_id:github:" + seat.get("assignee").get("id").asText(), d, "unknown",
          new Served.Tokens(0, 0, 0, 0, 0, 0, BigDecimal.ZERO));
    }
    return s;
  }

  @Override
  public void revise(LocalDate day) {
    List<ObjectNode> users = reports.get(day);
    users.get(0).put("loc_added_sum", users.get(0).get("loc_added_sum").asLong() + 50);
    users.remove(users.size() - 1);
  }

  @Override
  public Set<String> unknownIdentities() {
    return Set.of("user_id:github:999999");
  }

  @Override
  public LocalDate emptyDay() {
    return today.minusDays(3);
  }

  @Override
  public String throttledPath() {
    return "/orgs/" + ORG + "/copilot/metrics/reports/users-1-day";
  }

  @Override
  public String failingPath() {
    return "/orgs/" + ORG + "/copilot/billing/seats";
  }

  @Override
  public String organization() {
    return ORG;
  }

  @Override
  public Vendor vendor() {
    return Vendor.GITHUB_COPILOT;
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
}
