package io.tokenmaxx.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.RecordLimits;
import io.tokenmaxx.model.Sources;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Turns one JSON item into a record, or says exactly which field is wrong and why. */
final class ItemReader {
  /** Larger token counts in one record are a client bug, not usage. */
  static final long MAX_TOKENS = 1_000_000_000_000L;
  static final int MAX_ID = 256;
  static final int MAX_TEXT = 512;
  private static final Instant EARLIEST = Instant.parse("2015-01-01T00:00:00Z");
  private static final Duration FUTURE_SLACK = Duration.ofDays(1);

  private static final Set<String> USAGE_FIELDS = Set.of("type", "id", "timestamp", "tool",
      "provider", "model", "person", "identity", "sessionId", "project", "inputTokens",
      "outputTokens", "cacheReadTokens", "cacheWrite5mTokens", "cacheWrite1hTokens",
      "reasoningTokens", "requests", "reportedCost", "latencyMs", "status", "promptHash", "source");
  private static final Set<String> OUTCOME_FIELDS = Set.of("type", "id", "timestamp", "tool",
      "kind", "value", "person", "identity", "sessionId", "project", "detail", "source");

  static final class BadItem extends RuntimeException {
    final String id;
    final String field;

    BadItem(String id, String field, String message) {
      super(message);
      this.id = id;
      this.field = field;
    }
  }

  private static final Set<String> EXPORT_FIELDS = Set.of("person", "computedCost", "priceRef");

  private final Clock clock;
  private final boolean export;

  /**
   * @param export read a server's export (trusted: keeps source, person, computed cost and price
   *     provenance) rather than a client's ingest batch (where those are the server's to set)
   */
  ItemReader(Clock clock, boolean export) {
    this.clock = clock;
    this.export = export;
  }

  UsageRecord usage(JsonNode n, List<String> warnings, int index) {
    if (!n.isObject()) throw new BadItem(null, null, "must be a JSON object, was " + n.getNodeType());
    String id = text(n, null, "id", true, MAX_ID);
    if (!export) unknown(n, USAGE_FIELDS, warnings, index);
    try {
      UsageRecord.Builder b = UsageRecord.builder()
          .id(id)
          .timestamp(timestamp(n, id))
          .source(Sources.INGEST)
          .tool(text(n, id, "tool", true, MAX_TEXT))
          .provider(text(n, id, "provider", false, MAX_TEXT))
          .model(text(n, id, "model", false, MAX_TEXT))
          .identity(identity(n, id))
          .sessionId(text(n, id, "sessionId", false, MAX_TEXT))
          .project(text(n, id, "project", false, MAX_TEXT))
          .inputTokens(count(n, id, "inputTokens"))
          .outputTokens(count(n, id, "outputTokens"))
          .cacheReadTokens(count(n, id, "cacheReadTokens"))
          .cacheWrite5mTokens(count(n, id, "cacheWrite5mTokens"))
          .cacheWrite1hTokens(count(n, id, "cacheWrite1hTokens"))
          .reasoningTokens(count(n, id, "reasoningTokens"))
          .requests(n.has("requests") ? (int) Math.min(count(n, id, "requests"), Integer.MAX_VALUE) : 1)
          .reportedCost(money(n, id, "reportedCost"))
          .latencyMs(n.has("latencyMs") && !n.get("latencyMs").isNull() ? count(n, id, "latencyMs") : null)
          .status(status(n, id))
          .promptHash(text(n, id, "promptHash", false, 128));
      if (export) {
        String source = text(n, id, "source", false, MAX_TEXT);
        if (source != null) b.source(source);
        b.person(text(n, id, "person", false, MAX_TEXT))
            .computedCost(money(n, id, "computedCost"))
            .priceRef(text(n, id, "priceRef", false, MAX_TEXT));
      }
      return storable(id, b.build());
    } catch (IllegalArgumentException e) {
      throw new BadItem(id, null, e.getMessage());
    }
  }

  /** The record when every store can keep it; else the item is refused, naming the field. */
  private static UsageRecord storable(String id, UsageRecord r) {
    String problem = RecordLimits.problem(r);
    if (problem != null) throw refused(id, problem);
    return r;
  }

  /** A {@link RecordLimits} problem ("field: reason") as the item's error. */
  private static BadItem refused(String id, String problem) {
    int colon = problem.indexOf(": ");
    return new BadItem(id, problem.substring(0, colon), problem.substring(colon + 2));
  }

  OutcomeRecord outcome(JsonNode n, List<String> warnings, int index) {
    if (!n.isObject()) throw new BadItem(null, null, "must be a JSON object, was " + n.getNodeType());
    String id = text(n, null, "id", true, MAX_ID);
    unknown(n, OUTCOME_FIELDS, warnings, index);
    OutcomeKind kind;
    String k = text(n, id, "kind", true, 64);
    try {
      kind = OutcomeKind.parse(k);
    } catch (IllegalArgumentException e) {
      throw new BadItem(id, "kind", e.getMessage());
    }
    JsonNode v = n.get("value");
    if (v == null || v.isNull()) throw new BadItem(id, "value", "is required");
    if (!v.isNumber()) throw new BadItem(id, "value", "must be a number, was " + v.getNodeType());
    double value = v.asDouble();
    if (!Double.isFinite(value) || value < 0 || value > MAX_TOKENS) {
      throw new BadItem(id, "value", "must be between 0 and " + MAX_TOKENS + ", was " + v.asText());
    }
    OutcomeRecord r = new OutcomeRecord(id, timestamp(n, id), Sources.INGEST,
        text(n, id, "tool", false, MAX_TEXT), kind, value, null, identity(n, id),
        text(n, id, "sessionId", false, MAX_TEXT), text(n, id, "project", false, MAX_TEXT),
        text(n, id, "detail", false, MAX_TEXT));
    String problem = RecordLimits.problem(r);
    if (problem != null) throw refused(id, problem);
    return r;
  }

  private static void unknown(JsonNode n, Set<String> known, List<String> warnings, int index) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) warnings.add("item " + index + ": ignored unknown field '" + f + "'");
    }
  }

  private static String text(JsonNode n, String id, String field, boolean required, int max) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) throw new BadItem(id, field, "is required");
      return null;
    }
    if (!v.isTextual()) throw new BadItem(id, field, "must be a string, was " + v.getNodeType());
    String s = v.asText().strip();
    if (s.isEmpty()) {
      if (required) throw new BadItem(id, field, "must not be empty");
      return null;
    }
    if (s.length() > max) throw new BadItem(id, field, "is longer than " + max + " characters");
    return s;
  }

  private Instant timestamp(JsonNode n, String id) {
    JsonNode v = n.get("timestamp");
    if (v == null || v.isNull()) throw new BadItem(id, "timestamp", "is required");
    Instant t;
    if (v.isIntegralNumber()) {
      t = Instant.ofEpochMilli(v.asLong());
    } else if (v.isTextual()) {
      try {
        t = IsoInstant.parse(v.asText());
      } catch (DateTimeParseException e) {
        throw new BadItem(id, "timestamp", "'" + v.asText()
            + "' is not an ISO-8601 timestamp with offset (e.g. 2026-11-23T10:15:30Z)");
      }
    } else {
      throw new BadItem(id, "timestamp", "must be an ISO-8601 string or epoch milliseconds");
    }
    if (t.isBefore(EARLIEST)) throw new BadItem(id, "timestamp", t + " is before " + EARLIEST);
    if (t.isAfter(clock.instant().plus(FUTURE_SLACK))) {
      throw new BadItem(id, "timestamp", t + " is in the future");
    }
    return t;
  }

  private static long count(JsonNode n, String id, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) return 0;
    if (!v.isIntegralNumber()) {
      if (v.isNumber()) { // 12.0 or 1.2e3 (exact, never expanded: 1e999999999 is refused at once)
        BigDecimal d = v.decimalValue().stripTrailingZeros();
        if (d.scale() <= 0 && d.precision() - d.scale() <= 18) return check(id, field, d.longValueExact());
      }
      throw new BadItem(id, field, "must be a whole number, was " + v);
    }
    if (!v.canConvertToLong()) throw new BadItem(id, field, "overflows: " + v.asText());
    return check(id, field, v.asLong());
  }

  private static long check(String id, String field, long value) {
    if (value < 0) throw new BadItem(id, field, "must not be negative, was " + value);
    if (value > MAX_TOKENS) throw new BadItem(id, field, "is implausibly large: " + value);
    return value;
  }

  private static BigDecimal money(JsonNode n, String id, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) return null;
    BigDecimal d;
    if (v.isNumber()) d = v.decimalValue();
    else if (v.isTextual()) {
      try {
        d = new BigDecimal(v.asText());
      } catch (NumberFormatException e) {
        throw new BadItem(id, field, "'" + v.asText() + "' is not a number");
      }
    } else throw new BadItem(id, field, "must be a number");
    if (d.signum() < 0) throw new BadItem(id, field, "must not be negative, was " + d);
    if (d.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
      throw new BadItem(id, field, "is implausibly large for one record: " + d);
    }
    return d;
  }

  private static RawIdentity identity(JsonNode n, String id) {
    JsonNode v = n.get("identity");
    if (v == null || v.isNull()) return null;
    try {
      if (v.isTextual()) return RawIdentity.parse(v.asText());
      if (v.isObject()) {
        return new RawIdentity(RawIdentity.Kind.parse(v.path("kind").asText("")), v.path("value").asText(""));
      }
    } catch (IllegalArgumentException e) {
      throw new BadItem(id, "identity", e.getMessage());
    }
    throw new BadItem(id, "identity", "must be \"kind:value\", an e-mail, or {\"kind\", \"value\"}");
  }

  private static String status(JsonNode n, String id) {
    String s = text(n, id, "status", false, 16);
    if (s == null) return UsageRecord.STATUS_OK;
    if (!s.equals(UsageRecord.STATUS_OK) && !s.equals(UsageRecord.STATUS_ERROR)) {
      throw new BadItem(id, "status", "must be ok or error, was '" + s + "'");
    }
    return s;
  }
}
