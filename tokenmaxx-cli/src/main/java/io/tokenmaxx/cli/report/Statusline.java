package io.tokenmaxx.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmaxx.analyze.CostBasis;
import io.tokenmaxx.collect.local.UsageTable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The one line Claude Code shows through its status-line hook: model, this session's cost, today's
 * cost, the active 5-hour block with the time left in it, the burn rate, and how full the context
 * window is — {@code 🤖 Sonnet 4.5 | 💰 $0.03 session / $0.02 today / $0.02 block (3h 45m left) |
 * 🔥 $0.05/hr | 🧠 5,300 (3%)}, the layout {@code ccusage statusline} prints.
 *
 * <p>Input is the JSON Claude Code writes to the hook's stdin ({@code session_id},
 * {@code transcript_path}, {@code model.display_name}, {@code cost.total_cost_usd}, ...).
 */
final class Statusline {
  /** Claude Code's context window, unless the model's name asks for the 1M one ({@code [1m]}). */
  static final long CONTEXT_WINDOW = 200_000;
  static final long LONG_CONTEXT_WINDOW = 1_000_000;
  /** The transcript's tail read for the last request's context. */
  static final int TAIL_BYTES = 256 * 1024;

  enum CostSource { AUTO, LOGS, CLAUDE_CODE, BOTH }

  /** What Claude Code sent: the fields the line needs. */
  record Input(String sessionId, Path transcript, String modelId, String modelName, BigDecimal claudeCodeCost) {
    static Input parse(byte[] json) throws IOException {
      JsonNode n;
      try {
        n = new ObjectMapper().readTree(json);
      } catch (IOException e) {
        throw new IOException("statusline: stdin is not Claude Code's status-line JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
      }
      if (n == null || !n.isObject()) {
        throw new IOException("statusline: stdin is not Claude Code's status-line JSON (expected an object with session_id, model, ...)");
      }
      String session = text(n.path("session_id"));
      String transcript = text(n.path("transcript_path"));
      JsonNode model = n.path("model");
      String id = model.isTextual() ? model.asText() : text(model.path("id"));
      String name = text(model.path("display_name"));
      JsonNode cost = n.path("cost").path("total_cost_usd");
      BigDecimal cc = cost.isNumber() ? cost.decimalValue() : null;
      return new Input(session, transcript == null ? null : Path.of(transcript), id, name != null ? name : id, cc);
    }

    private static String text(JsonNode v) {
      return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
  }

  private Statusline() {}

  /** The line for {@code in} over the usage {@code t} (Claude Code's rows) at {@code now}. */
  static String line(Input in, UsageTable t, long now, ZoneId zone, CostBasis basis, CostSource source) {
    Sums session = new Sums();
    Sums today = new Sums();
    LocalDate day = Instant.ofEpochMilli(now).atZone(zone).toLocalDate();
    long dayFrom = day.atStartOfDay(zone).toInstant().toEpochMilli();
    long dayTo = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    for (int i = 0; i < t.size(); i++) {
      long ts = t.timestampMillis(i);
      if (ts >= dayFrom && ts < dayTo) today.add(t, i, basis);
      if (in.sessionId() != null && in.sessionId().equals(t.string(t.sessionId(i)))) session.add(t, i, basis);
    }
    StringBuilder b = new StringBuilder();
    b.append("🤖 ").append(in.modelName() == null ? "unknown model" : in.modelName());
    b.append(" | 💰 ").append(sessionCost(in, session, source)).append(" session / ")
        .append(usd(today.cost())).append(" today / ");
    Blocks.Block active = null;
    List<Blocks.Block> blocks = Blocks.of(t, Blocks.FIVE_HOURS, now, basis);
    for (Blocks.Block k : blocks) if (k.active) active = k;
    if (active == null) {
      b.append("No active block");
    } else {
      b.append(usd(active.sums.cost())).append(" block (").append(BlocksReport.duration(active.end - now)).append(" left)");
      BigDecimal perHour = active.costPerHour();
      b.append(" | 🔥 ").append(perHour == null ? "N/A" : usd(perHour) + "/hr");
    }
    long context = contextTokens(in.transcript());
    if (context >= 0) {
      long window = in.modelId() != null && in.modelId().toLowerCase(Locale.ROOT).contains("[1m]")
          ? LONG_CONTEXT_WINDOW : CONTEXT_WINDOW;
      b.append(" | 🧠 ").append(String.format(Locale.ROOT, "%,d", context)).append(" (")
          .append(Math.round(context * 100.0 / window)).append("%)");
    } else {
      b.append(" | 🧠 N/A");
    }
    return b.toString();
  }

  private static String sessionCost(Input in, Sums logs, CostSource source) {
    BigDecimal cc = in.claudeCodeCost();
    return switch (source) {
      case AUTO -> usd(cc != null ? cc : logs.cost());
      case LOGS -> usd(logs.cost());
      case CLAUDE_CODE -> cc == null ? "N/A" : usd(cc);
      case BOTH -> "(" + (cc == null ? "N/A" : usd(cc)) + " cc / " + usd(logs.cost()) + " logs)";
    };
  }

  static String usd(BigDecimal v) {
    return "$" + v.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  /**
   * The context the session's last request sent (input, cache reads and cache writes of the last
   * assistant line with usage in the transcript's tail), or -1 when the transcript says nothing.
   */
  static long contextTokens(Path transcript) {
    if (transcript == null || !Files.isRegularFile(transcript)) return -1;
    try (RandomAccessFile f = new RandomAccessFile(transcript.toFile(), "r")) {
      long len = f.length();
      int n = (int) Math.min(len, TAIL_BYTES);
      byte[] b = new byte[n];
      f.seek(len - n);
      f.readFully(b);
      String tail = new String(b, StandardCharsets.UTF_8);
      ObjectMapper json = new ObjectMapper();
      int end = tail.length();
      while (end > 0) {
        int start = tail.lastIndexOf('\n', end - 1) + 1;
        String line = tail.substring(start, end).trim();
        end = start - 1;
        if (!line.contains("\"usage\"") || !line.startsWith("{")) continue;
        try {
          JsonNode u = json.readTree(line).path("message").path("usage");
          if (!u.isObject()) continue;
          return u.path("input_tokens").asLong() + u.path("cache_read_input_tokens").asLong()
              + u.path("cache_creation_input_tokens").asLong();
        } catch (IOException torn) {
          // a line cut by the tail or still being written: look further back
        }
      }
      return -1;
    } catch (IOException e) {
      return -1;
    }
  }
}
