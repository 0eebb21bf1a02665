package io.tokenmaxx.cli.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tokenmaxx.collect.local.ScanStats;
import io.tokenmaxx.model.Tools;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes a report as JSON with ccusage's field names, so scripts written against
 * {@code ccusage daily --json} work unchanged: {@code daily[]} (or {@code weekly}, {@code monthly},
 * {@code session}) rows with {@code period}, {@code agent}, {@code metadata}, {@code inputTokens},
 * {@code outputTokens} (reasoning included, as ccusage counts it), {@code cacheCreationTokens},
 * {@code cacheReadTokens}, {@code totalTokens}, {@code totalCost}, {@code modelsUsed} and
 * {@code modelBreakdowns[]}, and {@code totals}. Everything else is an addition: the period under
 * the per-agent name ({@code date}, {@code week}, {@code month}), {@code tools},
 * {@code reasoningOutputTokens}, the 5-minute/1-hour cache split, record counts, unpriced counts,
 * computed and reported cost, the {@code --by} breakdown and the scan's statistics.
 */
final class JsonReport {
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** The date the bundled prices were taken (kept in step with the catalog by a test). */
  static final String PRICES_TAKEN_ON = "2026-07-24";

  private JsonReport() {}

  static void write(Report report, Writer out) throws IOException {
    try (JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeArrayFieldStart(report.kind().key);
      for (Row r : report.rows()) row(g, report, r);
      g.writeEndArray();
      g.writeObjectFieldStart("totals");
      tokens(g, report.totals());
      cost(g, "totalCost", report.totals().cost());
      if (!report.unpricedModels().isEmpty()) strings(g, "unpricedModels", report.unpricedModels());
      additions(g, report.totals());
      g.writeEndObject();
      scan(g, report);
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static void row(JsonGenerator g, Report report, Row r) throws IOException {
    ReportKind kind = report.kind();
    g.writeStartObject();
    if (kind == ReportKind.MODELS) {
      g.writeStringField("modelName", r.period);
      tokens(g, r.sums);
      cost(g, "cost", r.sums.cost());
      cost(g, "totalCost", r.sums.cost());
      strings(g, "tools", r.tools);
      additions(g, r.sums);
      breakdown(g, report, r);
      g.writeEndObject();
      return;
    }
    g.writeStringField("period", r.period);
    g.writeStringField(kind.periodField, r.period);
    if (kind == ReportKind.SESSION) {
      g.writeStringField("agent", agent(r.tool));
      g.writeStringField("tool", r.tool);
      if (r.project != null) g.writeStringField("projectPath", r.project);
      g.writeObjectFieldStart("metadata");
      g.writeStringField("lastActivity", ISO_MILLIS.format(Instant.ofEpochMilli(r.sums.last)));
      if (Tools.CODEX.equals(r.tool)) g.writeNumberField("reasoningOutputTokens", r.sums.reasoning);
      g.writeEndObject();
      g.writeStringField("firstActivity", ISO_MILLIS.format(Instant.ofEpochMilli(r.sums.first)));
      g.writeStringField("lastActivity", ISO_MILLIS.format(Instant.ofEpochMilli(r.sums.last)));
    } else {
      g.writeStringField("agent", "all");
      g.writeObjectFieldStart("metadata");
      TreeSet<String> agents = new TreeSet<>();
      for (String t : r.tools) agents.add(agent(t));
      strings(g, "agents", agents);
      g.writeEndObject();
      strings(g, "tools", r.tools);
    }
    tokens(g, r.sums);
    cost(g, "totalCost", r.sums.cost());
    strings(g, "modelsUsed", r.models.keySet());
    g.writeArrayFieldStart("modelBreakdowns");
    List<Map.Entry<String, Sums>> models = new ArrayList<>(r.models.entrySet());
    models.sort((a, b) -> b.getValue().cost().compareTo(a.getValue().cost()));
    for (Map.Entry<String, Sums> m : models) {
      g.writeStartObject();
      g.writeStringField("modelName", m.getKey());
      tokens(g, m.getValue());
      cost(g, "cost", m.getValue().cost());
      additions(g, m.getValue());
      g.writeEndObject();
    }
    g.writeEndArray();
    additions(g, r.sums);
    breakdown(g, report, r);
    g.writeEndObject();
  }

  private static void breakdown(JsonGenerator g, Report report, Row r) throws IOException {
    if (report.by() == null) return;
    String field = report.by().name().toLowerCase(java.util.Locale.ROOT);
    g.writeArrayFieldStart("breakdown");
    for (Map.Entry<String, Sums> e : r.breakdown.entrySet()) {
      g.writeStartObject();
      g.writeStringField(field, e.getKey());
      tokens(g, e.getValue());
      cost(g, "totalCost", e.getValue().cost());
      additions(g, e.getValue());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void tokens(JsonGenerator g, Sums s) throws IOException {
    g.writeNumberField("inputTokens", s.input);
    g.writeNumberField("outputTokens", s.ccOutput());
    g.writeNumberField("cacheCreationTokens", s.cacheCreation());
    g.writeNumberField("cacheReadTokens", s.cacheRead);
    g.writeNumberField("totalTokens", s.total());
  }

  private static void additions(JsonGenerator g, Sums s) throws IOException {
    g.writeNumberField("reasoningOutputTokens", s.reasoning);
    g.writeNumberField("cacheCreation5mTokens", s.cacheWrite5m);
    g.writeNumberField("cacheCreation1hTokens", s.cacheWrite1h);
    g.writeNumberField("records", s.records);
    g.writeNumberField("unpricedRecords", s.unpriced);
    cost(g, "computedCost", s.computed());
    cost(g, "reportedCost", s.reported());
  }

  private static void scan(JsonGenerator g, Report report) throws IOException {
    ScanStats st = report.stats();
    g.writeObjectFieldStart("meta");
    g.writeStringField("generator", "tokenmaxx");
    g.writeStringField("timezone", report.zone().getId());
    g.writeStringField("costBasis", report.basis().label());
    g.writeStringField("pricesTakenOn", PRICES_TAKEN_ON);
    if (st != null) {
      g.writeObjectFieldStart("scan");
      g.writeNumberField("files", st.files());
      g.writeNumberField("filesParsed", st.filesParsed());
      g.writeNumberField("filesAppended", st.filesAppended());
      g.writeNumberField("filesCached", st.filesCached());
      g.writeNumberField("bytesRead", st.bytesRead());
      g.writeNumberField("usageLines", st.usageLines());
      g.writeNumberField("malformedLines", st.malformedLines());
      g.writeNumberField("invalidLines", st.invalidLines());
      g.writeNumberField("oversizedLines", st.oversizedLines());
      g.writeNumberField("duplicatesDropped", st.duplicatesDropped());
      g.writeNumberField("records", st.records());
      g.writeNumberField("unpricedRecords", st.unpricedRecords());
      g.writeNumberField("fallbackModelRecords", st.fallbackModelRecords());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void cost(JsonGenerator g, String field, BigDecimal v) throws IOException {
    g.writeFieldName(field);
    g.writeNumber(v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString());
  }

  private static void strings(JsonGenerator g, String field, Iterable<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) g.writeString(v);
    g.writeEndArray();
  }

  /** ccusage's agent names. */
  static String agent(String tool) {
    return switch (tool) {
      case Tools.CLAUDE_CODE -> "claude";
      case Tools.GEMINI_CLI -> "gemini";
      case Tools.QWEN_CODE -> "qwen";
      case Tools.COPILOT_CLI -> "copilot";
      default -> tool;
    };
  }

  static String iso(Instant t) {
    return ISO_MILLIS.format(t);
  }
}
