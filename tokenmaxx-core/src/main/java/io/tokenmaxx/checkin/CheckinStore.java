package io.tokenmaxx.checkin;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where check-ins are kept. One check-in per person and week: {@link #save} inserts or replaces
 * it. Listing applies the {@link Reader}'s rights in the query, never after it.
 */
public interface CheckinStore {

  /** Inserts or replaces the person's check-in for its week; returns it as stored. */
  CheckIn save(CheckIn checkin);

  /** Stores many at once (demo data, imports); same rules as {@link #save}. */
  void saveAll(List<CheckIn> checkins);

  Optional<CheckIn> find(String person, LocalDate week);

  Optional<CheckIn> get(String id);

  /** Check-ins matching the filter that the reader may read, newest first. */
  List<CheckIn> list(CheckinFilter filter, Reader reader);

  /** Every check-in of one person, oldest first (their export). */
  List<CheckIn> byPerson(String person);

  /** Streams every check-in (to rebuild a search index). */
  void forEach(Consumer<CheckIn> action);

  /** Who checked in which weeks in {@code [fromWeek, toWeek)}; no text, so no rights needed. */
  Map<String, Set<LocalDate>> participation(LocalDate fromWeek, LocalDate toWeek);

  /** The first week each tag (or tool, when {@code tools}) appeared in any check-in. */
  Map<String, LocalDate> firstSeen(boolean tools);

  long count();
}
