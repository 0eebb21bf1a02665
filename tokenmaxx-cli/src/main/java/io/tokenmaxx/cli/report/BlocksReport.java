package io.tokenmaxx.cli.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes billing blocks ({@link Blocks}) as {@code ccusage blocks --json} does — the same field
 * names and meanings: {@code id}, {@code startTime}, {@code endTime}, {@code actualEndTime},
 * {@code isActive}, {@code isGap}, {@code entries}, {@code tokenCounts}, {@code totalTokens},
 * {@code costUSD}, {@code models}, {@code burnRate}, {@code projection} and, with a token limit,
 * {@code tokenLimitStatus} on the active block; {@code tools} is an addition — or as a table.
 */
final class BlocksReport {
  /** A projection above this share of the limit is a warning (ccusage's threshold). */
  static final double WARNING_SHARE = 0.8;

  private final List<Blocks.Block> blocks;
  private final long now;
  /** The token limit, or 0 for none. */
  private final long limit;

  BlocksReport(List<Blocks.Block> blocks, long now, long limit) {
    this.blocks = blocks;
    this.now = now;
    this.limit = limit;
  }

  void json(Writer out) throws IOException {
    try (JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeArrayFieldStart("blocks");
      for (Blocks.Block b : blocks) block(g, b);
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private void block(JsonGenerator g, Blocks.Block b) throws IOException {
    g.writeStartObject();
    if (b.gap) g.writeNullField("actualEndTime");
    else g.writeStringField("actualEndTime", JsonReport.iso(Instant.ofEpochMilli(b.last)));
    double rate = b.tokensPerMinute();
    if (Double.isNaN(rate)) {
      g.writeNullField("burnRate");
    } else {
      g.writeObjectFieldStart("burnRate");
      g.writeNumberField("costPerHour", b.costPerHour().doubleValue());
      g.writeNumberField("tokensPerMinute", rate);
      g.writeNumberField("tokensPerMinuteForIndicator", b.indicatorTokensPerMinute());
      g.writeEndObject();
    }
    money(g, "costUSD", b.sums.cost());
    g.writeStringField("endTime", JsonReport.iso(Instant.ofEpochMilli(b.end)));
    g.writeNumberField("entries", b.sums.records);
    String start = JsonReport.iso(Instant.ofEpochMilli(b.start));
    g.writeStringField("id", b.gap ? "gap-" + start : start);
    g.writeBooleanField("isActive", b.active);
    g.writeBooleanField("isGap", b.gap);
    g.writeArrayFieldStart("models");
    for (String m : b.models) g.writeString(m);
    g.writeEndArray();
    long projected = b.projectedTokens(now);
    if (projected < 0) {
      g.writeNullField("projection");
    } else {
      g.writeObjectFieldStart("projection");
      g.writeNumberField("remainingMinutes", b.remainingMinutes(now));
      money(g, "totalCost", b.projectedCost(now));
      g.writeNumberField("totalTokens", projected);
      g.writeEndObject();
    }
    g.writeStringField("startTime", start);
    g.writeObjectFieldStart("tokenCounts");
    g.writeNumberField("cacheCreationInputTokens", b.sums.cacheCreation());
    g.writeNumberField("cacheReadInputTokens", b.sums.cacheRead);
    g.writeNumberField("inputTokens", b.sums.input);
    g.writeNumberField("outputTokens", b.sums.ccOutput());
    g.writeEndObject();
    if (limit > 0 && b.active && projected >= 0) {
      g.writeObjectFieldStart("tokenLimitStatus");
      g.writeNumberField("limit", limit);
      g.writeNumberField("percentUsed", percent(projected));
      g.writeNumberField("projectedUsage", projected);
      g.writeStringField("status", status(projected));
      g.writeEndObject();
    }
    g.writeArrayFieldStart("tools");
    for (String t : b.tools) g.writeString(t);
    g.writeEndArray();
    g.writeNumberField("totalTokens", b.totalTokens());
    g.writeEndObject();
  }

  /** Share of the limit in percent, one decimal. */
  double percent(long tokens) {
    return BigDecimal.valueOf(tokens * 100.0 / limit).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }

  /** {@code ok}, {@code warning} (above 80 % of the limit) or {@code exceeds}. */
  String status(long tokens) {
    if (tokens > limit) return "exceeds";
    return tokens > limit * WARNING_SHARE ? "warning" : "ok";
  }

  private static void money(JsonGenerator g, String field, BigDecimal v) throws IOException {
    g.writeFieldName(field);
    g.writeNumber(v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString());
  }

  /** The blocks as a table, the active one followed by its rate and projection. */
  void table(PrintWriter out, ZoneId zone, double hours) {
    DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
    out.println("tokenmaxx — usage in " + BigDecimal.valueOf(hours).stripTrailingZeros().toPlainString()
        + "-hour blocks, " + zone.getId());
    if (blocks.isEmpty()) {
      out.println("No usage found in the local logs for this range.");
      out.flush();
      return;
    }
    String fmt = "%-16s  %-22s  %-30s  %14s  %10s%n";
    out.printf(Locale.ROOT, fmt, "Block start", "Status", "Models", "Tokens", "Cost (USD)");
    for (Blocks.Block b : blocks) {
      String status;
      if (b.gap) status = "(gap " + duration(b.end - b.start) + ")";
      else if (b.active) status = "ACTIVE, " + duration(b.end - now) + " left";
      else status = duration(b.last - b.start) + " used";
      String models = b.gap ? "" : String.join(", ", b.models);
      if (models.length() > 30) models = models.substring(0, 29) + "…";
      out.printf(Locale.ROOT, fmt, when.format(Instant.ofEpochMilli(b.start)), status, models,
          b.gap ? "" : String.format(Locale.ROOT, "%,d", b.totalTokens()),
          b.gap ? "" : "$" + b.sums.cost().setScale(2, RoundingMode.HALF_UP).toPlainString());
    }
    for (Blocks.Block b : blocks) {
      if (!b.active) continue;
      out.println();
      out.printf(Locale.ROOT, "Active block: %s to %s, %s left%n", when.format(Instant.ofEpochMilli(b.start)),
          when.format(Instant.ofEpochMilli(b.end)), duration(b.end - now));
      double rate = b.tokensPerMinute();
      if (Double.isNaN(rate)) {
        out.println("Burn rate: not yet (one request so far)");
        continue;
      }
      out.printf(Locale.ROOT, "Burn rate: %,.0f tokens/min, $%s/hour%n", rate,
          b.costPerHour().setScale(2, RoundingMode.HALF_UP).toPlainString());
      long projected = b.projectedTokens(now);
      out.printf(Locale.ROOT, "Projected at block end: %,d tokens, $%s%n", projected, b.projectedCost(now).toPlainString());
      if (limit > 0) {
        out.printf(Locale.ROOT, "Token limit %,d: %s (%.1f%% projected)%n", limit, status(projected), percent(projected));
      }
    }
    out.flush();
  }

  static String duration(long millis) {
    long m = Math.max(0, millis) / 60_000;
    return (m / 60) + "h " + (m % 60) + "m";
  }
}
