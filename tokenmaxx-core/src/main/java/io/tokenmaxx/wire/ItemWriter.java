package io.tokenmaxx.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import java.io.IOException;

/** Writes records in the ingest wire format (the inverse of {@link ItemReader}). */
final class ItemWriter {
  private ItemWriter() {}

  static void usage(JsonGenerator g, UsageRecord r) throws IOException {
    usage(g, r, false);
  }

  /** {@code export}: also what the server adds (source, person, computed cost and its provenance). */
  static void usage(JsonGenerator g, UsageRecord r, boolean export) throws IOException {
    g.writeStartObject();
    if (export) {
      g.writeStringField("source", r.source());
      str(g, "person", r.person());
      if (r.computedCost() != null) g.writeNumberField("computedCost", r.computedCost());
      str(g, "priceRef", r.priceRef());
    }
    g.writeStringField("id", r.id());
    g.writeStringField("timestamp", r.timestamp().toString());
    g.writeStringField("tool", r.tool());
    str(g, "provider", r.provider());
    g.writeStringField("model", r.model());
    if (r.identity() != null) g.writeStringField("identity", r.identity().toString());
    str(g, "sessionId", r.sessionId());
    str(g, "project", r.project());
    num(g, "inputTokens", r.inputTokens());
    num(g, "outputTokens", r.outputTokens());
    num(g, "cacheReadTokens", r.cacheReadTokens());
    num(g, "cacheWrite5mTokens", r.cacheWrite5mTokens());
    num(g, "cacheWrite1hTokens", r.cacheWrite1hTokens());
    num(g, "reasoningTokens", r.reasoningTokens());
    if (r.requests() != 1) g.writeNumberField("requests", r.requests());
    if (r.reportedCost() != null) g.writeNumberField("reportedCost", r.reportedCost());
    if (r.latencyMs() != null) g.writeNumberField("latencyMs", r.latencyMs());
    if (!UsageRecord.STATUS_OK.equals(r.status())) g.writeStringField("status", r.status());
    str(g, "promptHash", r.promptHash());
    g.writeEndObject();
  }

  static void outcome(JsonGenerator g, OutcomeRecord r) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "outcome");
    g.writeStringField("id", r.id());
    g.writeStringField("timestamp", r.timestamp().toString());
    str(g, "tool", r.tool());
    g.writeStringField("kind", r.kind().label());
    g.writeNumberField("value", r.value());
    if (r.identity() != null) g.writeStringField("identity", r.identity().toString());
    str(g, "sessionId", r.sessionId());
    str(g, "project", r.project());
    str(g, "detail", r.detail());
    g.writeEndObject();
  }

  private static void str(JsonGenerator g, String f, String v) throws IOException {
    if (v != null) g.writeStringField(f, v);
  }

  private static void num(JsonGenerator g, String f, long v) throws IOException {
    if (v != 0) g.writeNumberField(f, v);
  }
}
