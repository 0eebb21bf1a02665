package io.tokenmaxx.bench.importers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in of Cursor's and Anthropic's admin APIs at benchmark scale (by default 90
 * days × 5,000 people): Cursor usage events, daily usage data and members; Claude Code Analytics
 * rows (Anthropic's Messages usage and cost reports answer empty). Each day's data is generated
 * from a seed when first asked for and kept only until another day is asked for, so the stand-in
 * needs little memory whatever the scale. It speaks the same shapes as the test stand-ins.
 *
 * <p>Run: {@code ScaleStandIn PORT_FILE [people] [days] [eventsPerPersonDay]}; it writes its port
 * to PORT_FILE and serves until killed.
 */
public final class ScaleStandIn {
  static final String CURSOR_KEY = "key_bench_cursor";
  static final String ANTHROPIC_KEY = "sk-ant-admin01-bench";
  private static final String[] CURSOR_MODELS = {"claude-4-sonnet", "gpt-5", "claude-4-opus-thinking", "auto"};
  private static final String[] CLAUDE_MODELS = {"claude-sonnet-4-5-20250929", "claude-opus-4-1-20250805", "claude-haiku-4-5-20251001"};
  private static final Pattern NUM = Pattern.compile("\"(startDate|endDate|page|pageSize)\"\\s*:\\s*(\\d+)");

  private final int people;
  private final int eventsPerPersonDay;
  private final LocalDate today;
  private final int days;
  private LocalDate cachedDay;
  private List<String> cachedEvents;
  private List<String> cachedClaude;

  ScaleStandIn(int people, int days, int eventsPerPersonDay, LocalDate today) {
    this.people = people;
    this.days = days;
    this.eventsPerPersonDay = eventsPerPersonDay;
    this.today = today;
  }

  public static void main(String[] args) throws Exception {
    int people = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    int days = args.length > 2 ? Integer.parseInt(args[2]) : 90;
    int events = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    ScaleStandIn s = new ScaleStandIn(people, days, events, LocalDate.now(ZoneOffset.UTC));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext("/", s::serve);
    server.start();
    Files.writeString(Path.of(args[0]), String.valueOf(server.getAddress().getPort()));
  }

  private synchronized void load(LocalDate day) {
    if (day.equals(cachedDay)) return;
    cachedDay = day;
    cachedEvents = new ArrayList<>();
    cachedClaude = new ArrayList<>();
    if (day.isBefore(today.minusDays(days - 1L)) || day.isAfter(today)) return;
    SplittableRandom rnd = new SplittableRandom(day.toEpochDay());
    long start = day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    List<long[]> ev = new ArrayList<>();
    for (int p = 0; p < people; p++) {
      int n = rnd.nextInt(0, 2 * eventsPerPersonDay + 1);
      for (int i = 0; i < n; i++) ev.add(new long[] {start + rnd.nextLong(86_400_000L), p, rnd.nextInt(CURSOR_MODELS.length),
          rnd.nextInt(0, 9_000), rnd.nextInt(0, 3_000), rnd.nextInt(0, 12_000), rnd.nextInt(0, 60_000), rnd.nextInt(0, 4_000)});
    }
    ev.sort((a, b) -> Long.compare(a[0], b[0]));
    for (long[] e : ev) {
      cachedEvents.add("{\"timestamp\":\"" + e[0] + "\",\"model\":\"" + CURSOR_MODELS[(int) e[2]]
          + "\",\"kind\":\"Usage-based\",\"maxMode\":false,\"requestsCosts\":1,\"isTokenBasedCall\":true,"
          + "\"tokenUsage\":{\"inputTokens\":" + e[3] + ",\"outputTokens\":" + e[4] + ",\"cacheWriteTokens\":" + e[5]
          + ",\"cacheReadTokens\":" + e[6] + ",\"totalCents\":" + (e[7] / 100.0) + "},\"isFreeBugbot\":false,"
          + "\"userEmail\":\"dev" + e[1] + "@example.com\"}");
    }
    for (int p = 0; p < people; p++) {
      StringBuilder sb = new StringBuilder(600).append("{\"date\":\"").append(day).append("T00:00:00Z\",\"actor\":{\"type\":\"user_actor\",")
          .append("\"email_address\":\"dev").append(p).append("@example.com\"},\"organization_id\":\"org\",\"customer_type\":\"api\",")
          .append("\"terminal_type\":\"vscode\",\"core_metrics\":{\"num_sessions\":").append(rnd.nextInt(1, 9))
          .append(",\"lines_of_code\":{\"added\":").append(rnd.nextInt(0, 900)).append(",\"removed\":").append(rnd.nextInt(0, 300))
          .append("},\"commits_by_claude_code\":").append(rnd.nextInt(0, 4)).append(",\"pull_requests_by_claude_code\":")
          .append(rnd.nextInt(0, 2)).append("},\"tool_actions\":{\"edit_tool\":{\"accepted\":").append(rnd.nextInt(0, 30))
          .append(",\"rejected\":").append(rnd.nextInt(0, 5)).append("}},\"model_breakdown\":[");
      int models = 1 + rnd.nextInt(2);
      for (int m = 0; m < models; m++) {
        if (m > 0) sb.append(',');
        sb.append("{\"model\":\"").append(CLAUDE_MODELS[m]).append("\",\"tokens\":{\"input\":").append(rnd.nextInt(0, 90_000))
            .append(",\"output\":").append(rnd.nextInt(0, 20_000)).append(",\"cache_read\":").append(rnd.nextInt(0, 400_000))
            .append(",\"cache_creation\":").append(rnd.nextInt(0, 30_000)).append("},\"estimated_cost\":{\"currency\":\"USD\",\"amount\":")
            .append(rnd.nextInt(1, 5_000)).append("}}");
      }
      cachedClaude.add(sb.append("]}").toString());
    }
  }

  private void serve(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String query = ex.getRequestURI().getQuery() == null ? "" : ex.getRequestURI().getQuery();
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String out;
      switch (path) {
        case "/teams/members" -> {
          StringBuilder sb = new StringBuilder("{\"teamMembers\":[");
          for (int p = 0; p < people; p++) sb.append(p == 0 ? "" : ",").append("{\"id\":").append(p).append(",\"email\":\"dev").append(p).append("@example.com\",\"role\":\"member\"}");
          out = sb.append("]}").toString();
        }
        case "/teams/filtered-usage-events" -> out = events(body);
        case "/teams/daily-usage-data" -> out = daily(body);
        case "/v1/organizations/usage_report/claude_code" -> out = claude(query);
        case "/v1/organizations/users", "/v1/organizations/api_keys" -> out = "{\"data\":[],\"has_more\":false}";
        case "/v1/organizations/usage_report/messages", "/v1/organizations/cost_report" ->
            out = "{\"data\":[],\"has_more\":false,\"next_page\":null}";
        default -> out = null;
      }
      byte[] bytes = (out == null ? "{\"error\":\"not found\"}" : out).getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(out == null ? 404 : 200, bytes.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(bytes);
      }
    }
  }

  private static long num(String json, String field, long dflt) {
    Matcher m = NUM.matcher(json);
    while (m.find()) if (m.group(1).equals(field)) return Long.parseLong(m.group(2));
    return dflt;
  }

  private synchronized String events(String body) {
    long from = num(body, "startDate", 0);
    long to = num(body, "endDate", 0);
    int page = (int) num(body, "page", 1);
    int size = (int) num(body, "pageSize", 10);
    LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(from, 86_400_000L));
    load(day);
    List<String> evs = cachedEvents; // a window is one UTC day
    int total = evs.size();
    int pages = (total + size - 1) / size;
    StringBuilder sb = new StringBuilder(size * 330).append("{\"totalUsageEventsCount\":").append(total)
        .append(",\"pagination\":{\"numPages\":").append(pages).append(",\"currentPage\":").append(page)
        .append(",\"pageSize\":").append(size).append(",\"hasNextPage\":").append(page < pages)
        .append(",\"hasPreviousPage\":").append(page > 1).append("},\"usageEvents\":[");
    for (int i = (page - 1) * size; i < Math.min(total, page * size); i++) sb.append(i == (page - 1) * size ? "" : ",").append(evs.get(i));
    return sb.append("],\"period\":{\"startDate\":").append(from).append(",\"endDate\":").append(to).append("}}").toString();
  }

  private String daily(String body) {
    long from = num(body, "startDate", 0);
    LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(from, 86_400_000L));
    StringBuilder sb = new StringBuilder("{\"data\":[");
    if (!day.isBefore(today.minusDays(days - 1L)) && !day.isAfter(today)) {
      SplittableRandom rnd = new SplittableRandom(day.toEpochDay() * 31);
      for (int p = 0; p < people; p++) {
        sb.append(p == 0 ? "" : ",").append("{\"date\":").append(from).append(",\"isActive\":true,\"acceptedLinesAdded\":")
            .append(rnd.nextInt(0, 1_500)).append(",\"acceptedLinesDeleted\":").append(rnd.nextInt(0, 600))
            .append(",\"totalAccepts\":").append(rnd.nextInt(0, 80)).append(",\"totalRejects\":").append(rnd.nextInt(0, 15))
            .append(",\"totalTabsAccepted\":").append(rnd.nextInt(0, 250)).append(",\"mostUsedModel\":\"gpt-5\",\"email\":\"dev")
            .append(p).append("@example.com\"}");
      }
    }
    return sb.append("]}").toString();
  }

  private synchronized String claude(String query) {
    Matcher d = Pattern.compile("starting_at=(\\d{4}-\\d{2}-\\d{2})").matcher(query);
    Matcher l = Pattern.compile("limit=(\\d+)").matcher(query);
    Matcher p = Pattern.compile("page=page_(\\d+)").matcher(query);
    LocalDate day = LocalDate.parse(d.find() ? d.group(1) : "1970-01-01");
    int limit = l.find() ? Integer.parseInt(l.group(1)) : 20;
    int offset = p.find() ? Integer.parseInt(p.group(1)) : 0;
    load(day);
    List<String> rows = cachedClaude;
    StringBuilder sb = new StringBuilder(limit * 600).append("{\"data\":[");
    for (int i = offset; i < Math.min(rows.size(), offset + limit); i++) sb.append(i == offset ? "" : ",").append(rows.get(i));
    boolean more = offset + limit < rows.size();
    return sb.append("],\"has_more\":").append(more).append(",\"next_page\":").append(more ? "\"page_" + (offset + limit) + "\"" : "null")
        .append('}').toString();
  }
}
