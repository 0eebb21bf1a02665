package io.tokenmaxx.guard;

import java.time.LocalDate;
import java.util.Objects;

/** A person in a week (the Monday that starts it). */
public record PersonWeek(String person, LocalDate week) implements Comparable<PersonWeek> {
  public PersonWeek {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(week, "week");
  }

  @Override
  public int compareTo(PersonWeek o) {
    int c = week.compareTo(o.week);
    return c != 0 ? c : person.compareTo(o.person);
  }
}
