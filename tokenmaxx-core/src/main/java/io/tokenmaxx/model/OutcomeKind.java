package io.tokenmaxx.model;

import java.util.Arrays;
import java.util.Locale;

/** What an {@link OutcomeRecord} counts. */
public enum OutcomeKind {
  COMMIT,
  PULL_REQUEST,
  LINES_ADDED,
  LINES_REMOVED,
  EDIT_ACCEPTED,
  EDIT_REJECTED,
  /** Seconds a person was actively interacting (Claude Code {@code active_time} type user). */
  ACTIVE_SECONDS_USER,
  /** Seconds the agent worked on its own (Claude Code {@code active_time} type cli). */
  ACTIVE_SECONDS_CLI,
  SESSION;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static OutcomeKind parse(String label) {
    try {
      return valueOf(label.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown outcome kind '" + label + "', expected one of "
          + Arrays.stream(values()).map(OutcomeKind::label).toList());
    }
  }
}
