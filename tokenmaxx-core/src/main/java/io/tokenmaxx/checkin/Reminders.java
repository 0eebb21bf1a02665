package io.tokenmaxx.checkin;

import io.tokenmaxx.identity.Person;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Who has not checked in for a week, among the people a reader may see: admins everyone, managers
 * their subtree, members themselves. {@link ReminderSender} is where a reminder goes out.
 */
public final class Reminders {
  private Reminders() {}

  /**
   * @param expected  people expected to check in (e.g. everyone with usage in recent weeks)
   * @param checkedIn ids of people who did
   */
  public static List<Person> missing(List<Person> expected, Set<String> checkedIn, Reader reader) {
    return expected.stream()
        .filter(p -> !checkedIn.contains(p.id()))
        .filter(p -> reader.admin() || p.id().equals(reader.person()) || reader.reports().contains(p.id()))
        .sorted(Comparator.comparing((Person p) -> p.team() == null ? "" : p.team()).thenComparing(Person::id))
        .toList();
  }

  /** Where reminders go: a webhook, an e-mail gateway; the default sends nothing. */
  @FunctionalInterface
  public interface ReminderSender {
    ReminderSender NONE = (week, people) -> 0;

    /** Sends reminders for {@code week}; returns how many people were reminded. */
    int send(LocalDate week, List<Person> people);
  }
}
