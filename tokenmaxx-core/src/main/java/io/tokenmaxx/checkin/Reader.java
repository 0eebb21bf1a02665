package io.tokenmaxx.checkin;

import io.tokenmaxx.analyze.Viewer;
import java.util.Objects;
import java.util.Set;

/**
 * Someone reading check-ins, with what decides what they may read: their person id (null for an
 * organization admin token), whether they administer, their team, and the people who report to
 * them directly or indirectly. The same rule is applied in SQL, in the search index and here.
 */
public record Reader(String person, boolean admin, String team, Set<String> reports) {

  public Reader {
    reports = reports == null ? Set.of() : Set.copyOf(reports);
  }

  /**
   * The reader an analytics {@link Viewer} is: admins read every check-in that is not private,
   * managers their subtree's team check-ins as well as their own team's.
   *
   * @param team the viewer's own team (from the directory), may be null
   */
  public static Reader of(Viewer viewer, String team) {
    if (viewer.isAdmin()) return new Reader(viewer.personId(), true, team, Set.of());
    Set<String> reports = new java.util.HashSet<>(viewer.visiblePeople());
    reports.remove(viewer.personId());
    return new Reader(viewer.personId(), false, team, reports);
  }

  public static Reader admin(String person) {
    return new Reader(person, true, null, Set.of());
  }

  public static Reader member(String person, String team) {
    return new Reader(Objects.requireNonNull(person, "person"), false, team, Set.of());
  }

  public boolean canRead(CheckIn c) {
    if (person != null && person.equals(c.person())) return true;
    return switch (c.visibility()) {
      case PRIVATE -> false;
      case ORGANIZATION -> true;
      case TEAM -> admin || (team != null && team.equals(c.team())) || reports.contains(c.person());
    };
  }

  /** Whether this reader may see another person's participation (who checked in, not what). */
  public boolean canSeePerson(String other, String otherTeam) {
    return admin || other.equals(person) || reports.contains(other)
        || (team != null && team.equals(otherTeam));
  }
}
