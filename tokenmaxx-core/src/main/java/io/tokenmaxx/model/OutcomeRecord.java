package io.tokenmaxx.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that came of AI usage, recorded so usage can be paired with results: a commit, a pull
 * request, lines added or removed, edits accepted or rejected, active time.
 *
 * @param id        stable dedupe key
 * @param timestamp when it happened (or the end of the interval it covers), UTC
 * @param source    how it arrived ({@link Sources})
 * @param tool      the agent or tool it is attributed to, may be null
 * @param kind      what was counted
 * @param value     how much: a count, a number of lines, or seconds for active time
 * @param person    resolved person id, null until resolved
 * @param identity  raw identity as reported
 * @param sessionId agent session, may be null
 * @param project   project or repository, may be null
 * @param detail    free-form qualifier from the source (e.g. language, decision source), may be null
 */
public record OutcomeRecord(
    String id,
    Instant timestamp,
    String source,
    String tool,
    OutcomeKind kind,
    double value,
    String person,
    RawIdentity identity,
    String sessionId,
    String project,
    String detail) {

  public OutcomeRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException("value must be a finite number >= 0, was " + value);
    }
  }

  public OutcomeRecord withPerson(String resolved) {
    return new OutcomeRecord(id, timestamp, source, tool, kind, value, resolved, identity,
        sessionId, project, detail);
  }
}
