package io.tokenmaxx.guard;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which flags to list: weeks in {@code [fromWeek, toWeek)} (null bounds are open), a status (null
 * for any) and people (empty for everyone).
 */
public record FlagFilter(LocalDate fromWeek, LocalDate toWeek, GuardFlag.Status status, Set<String> persons) {
  public FlagFilter {
    persons = persons == null ? Set.of() : Set.copyOf(persons);
  }

  public static FlagFilter all() {
    return new FlagFilter(null, null, null, null);
  }

  public boolean matches(GuardFlag f) {
    return (fromWeek == null || !f.week().isBefore(fromWeek)) && (toWeek == null || f.week().isBefore(toWeek))
        && (status == null || f.status() == status) && (persons.isEmpty() || persons.contains(f.person()));
  }
}
