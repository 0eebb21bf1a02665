package io.tokenmaxx.server.ingest;

import io.tokenmaxx.wire.ItemError;
import java.math.BigDecimal;
import java.util.List;

/**
 * The ingest API's bodies as records, for the OpenAPI document and the answers. Requests are parsed
 * by {@link io.tokenmaxx.wire.RecordJson} (streaming, with per-field errors); these records describe
 * the same fields.
 */
public final class IngestSchema {
  private IngestSchema() {}

  /** {@code POST /api/v1/ingest} as a JSON document (NDJSON: one item per line, "type": "outcome" for outcomes). */
  public record Batch(List<UsageItem> usage, List<OutcomeItem> outcomes) {}

  /**
   * One usage record. Required: id (the idempotency key), timestamp (ISO-8601 with offset or epoch
   * milliseconds), tool. Token fields are disjoint: inputTokens excludes cached input, outputTokens
   * excludes reasoning.
   */
  public record UsageItem(String id, String timestamp, String tool, String provider, String model,
      String identity, String sessionId, String project, long inputTokens, long outputTokens,
      long cacheReadTokens, long cacheWrite5mTokens, long cacheWrite1hTokens, long reasoningTokens,
      int requests, BigDecimal reportedCost, Long latencyMs, String status, String promptHash) {}

  /** One outcome: kind is commit, pull_request, lines_added, lines_removed, edit_accepted, edit_rejected, active_seconds_user, active_seconds_cli or session. */
  public record OutcomeItem(String type, String id, String timestamp, String tool, String kind, double value,
      String identity, String sessionId, String project, String detail) {}

  /** What was kept, and each refused item with its field and reason. */
  public record Answer(int accepted, int rejected, List<ItemError> errors, List<String> warnings) {}

  /** A stored record as {@code GET /api/v1/records} exports it (NDJSON, one per line). */
  public record ExportItem(String id, String timestamp, String source, String person, String tool,
      String provider, String model, String identity, String sessionId, String project, long inputTokens,
      long outputTokens, long cacheReadTokens, long cacheWrite5mTokens, long cacheWrite1hTokens,
      long reasoningTokens, int requests, BigDecimal reportedCost, BigDecimal computedCost, String priceRef,
      Long latencyMs, String status, String promptHash) {}
}
