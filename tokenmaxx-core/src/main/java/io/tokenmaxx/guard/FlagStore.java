package io.tokenmaxx.guard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where flags and their reviews are kept. */
public interface FlagStore {

  /**
   * Stores one detection run over {@code [fromWeek, toWeek)}: new flags are added, flags raised
   * again get the new evidence and keep their review, and open flags in the range that were not
   * raised again are removed. Dismissed flags stay (with their reason) even when no longer raised.
   */
  Update replace(LocalDate fromWeek, LocalDate toWeek, List<GuardFlag> fresh);

  List<GuardFlag> list(FlagFilter filter);

  Optional<GuardFlag> get(String person, LocalDate week);

  /** Sets the status of a flag with who, when and why; false when there is no such flag. */
  boolean review(String person, LocalDate week, GuardFlag.Status status, String by, String reason, Instant at);

  /** What {@link #replace} changed. */
  record Update(int added, int updated, int removed) {}
}
