package io.tokenmaxx.collect.local;

import java.nio.file.Path;

/**
 * A log file found by discovery, with what its location says: the tool, the session and project
 * it belongs to, and its place in the order duplicates are resolved in.
 *
 * @param path      the file
 * @param tool      {@link io.tokenmaxx.model.Tools} name
 * @param format    how to parse it
 * @param sessionId session id derived from the path
 * @param project   project derived from the path (null when the path says nothing)
 * @param order     position in the tool's dedupe order (files earlier in the order win ties)
 * @param identity  the file's identity when discovered, null when not known
 */
record LogFile(Path path, String tool, Format format, String sessionId, String project, int order,
    FileParser.Identity identity) {
  LogFile(Path path, String tool, Format format, String sessionId, String project, int order) {
    this(path, tool, format, sessionId, project, order, null);
  }

  enum Format {
    CLAUDE, CODEX, GEMINI, QWEN,
    /** Read whole by an {@link AgentSource}. */
    OPENCODE, COPILOT, AMP, KIMI, DROID, KILO;

    /** Whether the file is read whole each time it changes (never only its appended bytes). */
    boolean wholeFile() {
      return this != CLAUDE && this != CODEX && this != QWEN;
    }

    /** The agent that reads files of this format, or null for the four with their own readers. */
    AgentSource agent() {
      return AgentSources.of(this);
    }
  }
}
