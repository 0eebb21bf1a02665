package io.tokenmaxx.checkin;

import io.tokenmaxx.identity.Person;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Submitting, editing, reading and searching check-ins: the store is the truth, the search index
 * follows every save, the calendar decides which weeks are open.
 */
public final class CheckinService {
  private final CheckinStore store;
  private final CheckinSearch search;
  private final CheckinCalendar calendar;
  private final Function<String, Optional<Person>> people;

  /**
   * @param people looks a person up (their team and department are recorded with the check-in)
   */
  public CheckinService(CheckinStore store, CheckinSearch search, CheckinCalendar calendar,
      Function<String, Optional<Person>> people) {
    this.store = store;
    this.search = search;
    this.calendar = calendar;
    this.people = people;
  }

  public CheckinCalendar calendar() {
    return calendar;
  }

  public CheckinStore store() {
    return store;
  }

  public CheckinSearch search() {
    return search;
  }

  /**
   * Creates the person's check-in for the week, or edits it (null draft fields keep their
   * values). Only while the week is open.
   */
  public CheckIn submit(String person, LocalDate week, CheckinDraft draft) {
    if (person == null) throw new IllegalArgumentException("person: check-ins are written by a person; this token belongs to nobody");
    LocalDate w = CheckinCalendar.week(week);
    if (!calendar.open(w)) {
      throw new WeekClosedException(w, calendar.closesAt(w), w.isAfter(calendar.currentWeek()));
    }
    Optional<CheckIn> existing = store.find(person, w);
    Person p = people.apply(person).orElse(null);
    CheckIn next = CheckinRules.apply(existing.orElse(null), draft, newId(), person, w,
        p == null ? null : p.team(), p == null ? null : p.department(), calendar.clock().instant());
    CheckIn saved = store.save(next);
    search.index(saved);
    return saved;
  }

  public Optional<CheckIn> find(String person, LocalDate week) {
    return store.find(person, CheckinCalendar.week(week));
  }

  /** A check-in by id, when the reader may read it. */
  public Optional<CheckIn> get(String id, Reader reader) {
    return store.get(id).filter(reader::canRead);
  }

  public List<CheckIn> feed(CheckinFilter filter, Reader reader) {
    return store.list(filter, reader);
  }

  public CheckinSearch.Result search(CheckinSearch.Query query, Reader reader) {
    return search.search(query, reader);
  }

  /** All of the author's own check-ins, private ones included. */
  public List<CheckIn> export(String person) {
    return store.byPerson(person);
  }

  static String newId() {
    return "ci_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
  }
}
