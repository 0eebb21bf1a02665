package io.tokenmaxx.collect.vendor;

import static io.tokenmaxx.collect.vendor.AnthropicStandIn.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Stand-in of Cursor's Admin API: {@code GET /teams/members}, {@code POST /teams/daily-usage-data}
 * ({@code startDate}/{@code endDate} in epoch milliseconds, at most 30 days) and {@code POST
 * /teams/filtered-usage-events} ({@code page} from 1, {@code pageSize}, {@code pagination} with
 * {@code numPages} and {@code hasNextPage}; timestamps as strings of epoch milliseconds). Basic
 * authentication with the key as user name. Events are generated per person and day; the data set
 * can be large (the benchmark serves 90 days of 5,000 people from it).
 */
final class CursorStandIn implements VendorStandIn {
  static final String KEY = "key_standin_cursor_0123456789abcdef";
  private static final String[] MODELS = {"claude-4-sonnet", "gpt-5", "claude-4-opus-thinking", "auto"};

  private final StandInServer server;
  private final LocalDate today;
  private final List<ObjectNode> events = new ArrayList<>(); // sorted by timestamp
  private final List<ObjectNode> daily = new ArrayList<>();
  private final int people;

  CursorStandIn(LocalDate today, long seed, int people, int days, int eventsPerPersonDay, boolean faults) throws IOException {
    this.today = today;
    this.people = people;
    String basic = "Basic " + Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));
    server = new StandInServer(r -> basic.equals(r.headers().get("authorization")),
        StandInServer.Answer.text(401, "application/json", "{\"error\":\"Unauthorized\",\"message\":\"Invalid API key\"}"));
    SplittableRandom rnd = new SplittableRandom(seed);
    for (LocalDate d = today.minusDays(days - 1L); !d.isAfter(today); d = d.plusDays(1)) {
      if (days > 1 && d.equals(emptyDay())) continue;
      long start = d.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
      for (int p = 0; p <= people; p++) {
        String email = p == people ? "contractor@elsewhere.example" : "dev" + p + "@example.com"; // not a member
        int n = rnd.nextInt(0, 2 * eventsPerPersonDay + 1);
        for (int i = 0; i < n; i++) {
          ObjectNode e = obj().put("timestamp", String.valueOf(start + rnd.nextLong(86_400_000L)))
              .put("model", MODELS[rnd.nextInt(MODELS.length)]).put("kind", rnd.nextBoolean() ? "Usage-based" : "Included in Business")
              .put("maxMode", rnd.nextInt(4) == 0).put("requestsCosts", rnd.nextInt(1, 10)).put("isFreeBugbot", false)
              .put("userEmail", email);
          boolean tokens = rnd.nextInt(10) != 0;
          e.put("isTokenBasedCall", tokens);
          if (tokens) {
            e.set("tokenUsage", obj().put("inputTokens", rnd.nextInt(0, 9_000)).put("outputTokens", rnd.nextInt(0, 3_000))
                .put("cacheWriteTokens", rnd.nextInt(0, 12_000)).put("cacheReadTokens", rnd.nextInt(0, 60_000))
                .put("totalCents", rnd.nextInt(0, 4_000) / 100.0));
          }
          events.add(e);
        }
        if (p < people && (n > 0 || rnd.nextInt(4) == 0)) {
          daily.add(obj().put("date", start).put("isActive", true).put("totalLinesAdded", rnd.nextInt(0, 2_000))
              .put("totalLinesDeleted", rnd.nextInt(0, 900)).put("acceptedLinesAdded", rnd.nextInt(0, 1_500))
              .put("acceptedLinesDeleted", rnd.nextInt(0, 600)).put("totalApplies", 10).put("totalAccepts", rnd.nextInt(0, 80))
              .put("totalRejects", rnd.nextInt(0, 15)).put("totalTabsShown", 300).put("totalTabsAccepted", rnd.nextInt(0, 250))
              .put("composerRequests", 3).put("chatRequests", 12).put("agentRequests", n).put("cmdkUsages", 2)
              .put("subscriptionIncludedReqs", n).put("apiKeyReqs", 0).put("usageBasedReqs", 0).put("bugbotUsages", 0)
              .put("mostUsedModel", MODELS[rnd.nextInt(MODELS.length)]).put("clientVersion", "1.4.2").put("email", email));
        }
      }
    }
    events.sort(java.util.Comparator.comparingLong(e -> Long.parseLong(e.get("timestamp").asText())));
    server.route("GET", "/teams/members", r -> {
      ObjectNode body = obj();
      ArrayNode m = body.putArray("teamMembers");
      for (int p = 0; p < people; p++) m.addObject().put("id", 1000 + p).put("name", "Dev " + p).put("email", "dev" + p + "@example.com").put("role", "member");
      return StandInServer.Answer.json(body);
    });
    server.route("POST", "/teams/daily-usage-data", r -> {
      JsonNode q = r.json();
      long from = q.path("startDate").asLong();
      long to = q.path("endDate").asLong();
      if (to - from > 30L * 86_400_000) throw new IllegalArgumentException("Date range cannot exceed 30 days");
      ObjectNode body = obj();
      ArrayNode data = body.putArray("data");
      for (ObjectNode d : daily) if (d.get("date").asLong() >= from && d.get("date").asLong() <= to) data.add(d);
      body.set("period", obj().put("startDate", from).put("endDate", to));
      return StandInServer.Answer.json(body);
    });
    server.route("POST", "/teams/filtered-usage-events", r -> {
      JsonNode q = r.json();
      long from = q.path("startDate").asLong();
      long to = q.path("endDate").asLong();
      int page = q.path("page").asInt(1);
      int size = Math.min(q.path("pageSize").asInt(10), 1_000);
      int lo = lowerBound(from);
      int hi = lowerBound(to + 1); // endDate inclusive
      int total = hi - lo;
      int pages = (total + size - 1) / size;
      ObjectNode body = obj().put("totalUsageEventsCount", total);
      body.set("pagination", obj().put("numPages", pages).put("currentPage", page).put("pageSize", size)
          .put("hasNextPage", page < pages).put("hasPreviousPage", page > 1));
      ArrayNode out = body.putArray("usageEvents");
      for (int i = lo + (page - 1) * size; i < Math.min(hi, lo + page * size); i++) out.add(events.get(i));
      body.set("period", obj().put("startDate", from).put("endDate", to));
      return StandInServer.Answer.json(body);
    });
    if (faults) {
      server.fault(throttledPath(), 429, "2");
      server.fault(failingPath(), 500, null);
    }
  }

  private int lowerBound(long ms) {
    int lo = 0;
    int hi = events.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Long.parseLong(events.get(mid).get("timestamp").asText()) < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  int events() {
    return events.size();
  }

  int dailyRows() {
    return daily.size();
  }

  @Override
  public Served served(LocalDate from, LocalDate through) {
    Served s = new Served();
    for (ObjectNode e : events) {
      LocalDate d = LocalDate.ofInstant(Instant.ofEpochMilli(Long.parseLong(e.get("timestamp").asText())), ZoneOffset.UTC);
      if (d.isBefore(from) || d.isAfter(through)) continue;
      JsonNode t = e.path("tokenUsage");
      s.usage("email:" + e.get("userEmail").asText(), d, e.get("model").asText(), new Served.Tokens(t.path("inputTokens").asLong(),
          t.path("outputTokens").asLong(), t.path("cacheReadTokens").asLong(), t.path("cacheWriteTokens").asLong(), 0, 1,
          t.has("totalCents") ? t.get("totalCents").decimalValue().movePointLeft(2) : BigDecimal.ZERO));
    }
    for (ObjectNode r : daily) {
      LocalDate d = LocalDate.ofInstant(Instant.ofEpochMilli(r.get("date").asLong()), ZoneOffset.UTC);
      if (d.isBefore(from) || d.isAfter(through)) continue;
      String who = "email:" + r.get("email").asText();
      s.usage(who, d, r.get("mostUsedModel").asText(), new Served.Tokens(0, 0, 0, 0, 0, 0, BigDecimal.ZERO));
      s.outcome(who, d, "lines_added", r.get("acceptedLinesAdded").asDouble());
      s.outcome(who, d, "lines_removed", r.get("acceptedLinesDeleted").asDouble());
      s.outcome(who, d, "edit_accepted/apply", r.get("totalAccepts").asDouble());
      s.outcome(who, d, "edit_rejected/apply", r.get("totalRejects").asDouble());
      s.outcome(who, d, "edit_accepted/tab", r.get("totalTabsAccepted").asDouble());
    }
    return s;
  }

  @Override
  public void revise(LocalDate day) {
    long start = day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    int i = lowerBound(start);
    events.remove(i); // an event withdrawn
    for (ObjectNode d : daily) {
      if (d.get("date").asLong() == start) {
        d.put("acceptedLinesAdded", d.get("acceptedLinesAdded").asLong() + 77);
        break;
      }
    }
  }

  @Override
  public Set<String> unknownIdentities() {
    return Set.of("email:contractor@elsewhere.example");
  }

  @Override
  public LocalDate emptyDay() {
    return today.minusDays(1);
  }

  @Override
  public String throttledPath() {
    return "/teams/filtered-usage-events";
  }

  @Override
  public String failingPath() {
    return "/teams/daily-usage-data";
  }

  @Override
  public Vendor vendor() {
    return Vendor.CURSOR;
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
