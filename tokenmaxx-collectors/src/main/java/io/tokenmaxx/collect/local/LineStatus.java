package io.tokenmaxx.collect.local;

/** What parsing one marked line gave. */
enum LineStatus {
  /** A usage entry was added. */
  USAGE,
  /** Valid JSON that carries no usage of interest (e.g. a tool result quoting a sub-agent's usage). */
  NOT_USAGE,
  /** Valid JSON with usage that fails the format's rules (missing or mistyped field, bad timestamp). */
  INVALID,
  /** Not valid JSON: a torn or truncated line. */
  MALFORMED
}
