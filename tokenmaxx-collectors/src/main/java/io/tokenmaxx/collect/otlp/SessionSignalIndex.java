package io.tokenmaxx.collect.otlp;

/**
 * Which sessions (or services) have sent per-request usage events, so their metric-derived token
 * counts are not counted a second time. A "scope" is a session id for coding agents and
 * {@code service:<service.name>} for applications instrumented with the GenAI conventions.
 *
 * <p>The in-memory {@link InMemorySessionSignalIndex} is the default. A server may persist it (one
 * row per tool and scope with the time it was last marked); losing it is safe: metric-derived
 * records may be stored again for a while, and the session's next batch of log events marks it
 * again and retracts them.
 *
 * <p>Implementations must be thread-safe.
 */
public interface SessionSignalIndex {

  /** Marks the scope as having per-request events; returns true if it was not marked before. */
  boolean markLogged(String tool, String scope);

  /** Whether the scope has been marked. */
  boolean isLogged(String tool, String scope);

  /** Undoes a mark (used when the batch that made it could not be stored). */
  void unmark(String tool, String scope);
}
