package io.tokenmaxx.collect.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.Sources;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** Small pieces every importer's mapping needs. */
final class Rows {
  private Rows() {}

  /**
   * The timestamp of a daily aggregate: noon UTC of its day, so that the day stays the same day in
   * every zone from UTC-11 to UTC+11 (midnight would move it to the day before west of Greenwich).
   */
  static Instant noon(LocalDate day) {
    return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
  }

  static Instant startOf(LocalDate day) {
    return day.atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  static long count(JsonNode n, String field) {
    JsonNode v = n.path(field);
    if (v.isMissingNode() || v.isNull()) return 0;
    if (v.isNumber()) return Math.max(0, v.asLong());
    if (v.isTextual()) {
      try {
        return Math.max(0, new BigDecimal(v.asText().strip()).longValue());
      } catch (NumberFormatException e) {
        throw new VendorException("field " + field + " is not a number: '" + v.asText() + "'");
      }
    }
    throw new VendorException("field " + field + " is not a number: " + v);
  }

  static BigDecimal decimal(JsonNode v, String what) {
    if (v == null || v.isMissingNode() || v.isNull()) return null;
    try {
      return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().strip());
    } catch (NumberFormatException e) {
      throw new VendorException(what + " is not a number: '" + v.asText() + "'");
    }
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isTextual() && !v.asText().isBlank() ? v.asText() : v.isNumber() ? v.asText() : null;
  }

  static RawIdentity identity(RawIdentity.Kind kind, String namespace, String value) {
    return value == null || value.isBlank() ? null : new RawIdentity(kind, namespace + ":" + value);
  }

  static RawIdentity email(String value) {
    return value == null || value.isBlank() || value.indexOf('@') < 1 ? null : RawIdentity.email(value);
  }

  /** The model's vendor from its name, for records whose source does not say. */
  static String providerOf(String model) {
    String m = model == null ? "" : model.toLowerCase(Locale.ROOT);
    if (m.contains("claude")) return "anthropic";
    if (m.startsWith("gpt") || m.matches("^o\\d.*") || m.contains("codex")) return "openai";
    if (m.contains("gemini")) return "google";
    if (m.contains("grok")) return "xai";
    return null;
  }

  /** Adds an outcome when its value is positive (a zero is no outcome; a revision to zero removes it). */
  static void outcome(List<OutcomeRecord> out, String stream, LocalDate day, String tool, OutcomeKind kind,
      long value, RawIdentity who, String detail, Object... key) {
    if (value <= 0) return;
    Object[] parts = new Object[key.length + 2];
    System.arraycopy(key, 0, parts, 0, key.length);
    parts[key.length] = kind.label();
    parts[key.length + 1] = detail;
    out.add(new OutcomeRecord(ImportIds.of(stream, day, parts), noon(day), Sources.IMPORT, tool, kind,
        value, null, who, null, null, detail));
  }
}
