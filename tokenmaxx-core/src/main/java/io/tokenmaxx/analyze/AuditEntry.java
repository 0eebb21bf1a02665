package io.tokenmaxx.analyze;

import java.time.Instant;
import java.util.Objects;

/**
 * One access to person-level data: who looked at (or exported) what about whom, and when.
 *
 * @param at       when
 * @param viewer   who: {@link Viewer#subject()} (account name or API token id)
 * @param action   {@code view} or {@code export}
 * @param resource what was read: {@code person}, {@code team}, {@code leaderboard}, {@code unattributed}, ...
 * @param person   whose data, or null when it covered several people (see {@code detail})
 * @param detail   free text: the filters, the number of people, the format
 */
public record AuditEntry(Instant at, String viewer, String action, String resource, String person, String detail) {
  public static final String VIEW = "view";
  public static final String EXPORT = "export";

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(viewer, "viewer");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resource, "resource");
  }
}
