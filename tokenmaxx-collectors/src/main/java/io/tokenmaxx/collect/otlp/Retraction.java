package io.tokenmaxx.collect.otlp;

import java.util.Objects;

/**
 * An instruction to the store: usage records whose id starts with {@link #idPrefix()}, whose tool
 * is {@link #tool()} and that match the non-null {@link #sessionId()} / {@link #project()} are void
 * and must be deleted. Emitted when a finer signal (per-request log events or spans) takes over
 * from metric-derived counts for a session or service, so that tokens are counted once.
 * Idempotent: applying it twice deletes nothing more.
 *
 * @param tool      the tool the records belong to (always set)
 * @param sessionId the session whose records are void, or null to match any session
 * @param project   the project whose records are void, or null to match any project
 * @param idPrefix  the id prefix of the void records, {@value RecordIds#METRIC_USAGE_PREFIX}
 */
public record Retraction(String tool, String sessionId, String project, String idPrefix) {
  public Retraction {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(idPrefix, "idPrefix");
    if (sessionId == null && project == null) {
      throw new IllegalArgumentException("a retraction needs a session or a project");
    }
  }
}
