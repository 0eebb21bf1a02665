package io.tokenmaxx.storage;

/**
 * Deletes usage records a source has taken back, e.g. metric-derived token records of an agent
 * session that turned out to also send per-request events (which then count instead). Durable on
 * return. Backends must keep anything derived from usage (rollups) consistent with the deletion.
 */
public interface UsageRetractions {

  /**
   * Deletes the usage records of {@code tool} whose id starts with {@code idPrefix}, timestamped at
   * or after {@code since}, and whose session is {@code sessionId} — or, when {@code sessionId} is
   * null, whose project is {@code project}. Returns how many were deleted. The time bound keeps
   * the search to recent data.
   */
  long retract(String tool, String idPrefix, String sessionId, String project, java.time.Instant since);

  /**
   * Whether a {@link #retract} with the same arguments would find anything, read without holding
   * up the writers. {@code tool} null matches any tool, and {@code sessionId} and {@code project}
   * both null match any session and project. Lets a caller skip retractions that would delete
   * nothing (a retraction pauses ingest while it runs).
   */
  boolean exists(String tool, String idPrefix, String sessionId, String project, java.time.Instant since);
}
