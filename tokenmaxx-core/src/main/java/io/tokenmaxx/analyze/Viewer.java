package io.tokenmaxx.analyze;

import java.util.Objects;
import java.util.Set;

/**
 * Who is looking at analytics, and therefore what they may see. Every {@link Analytics} call takes
 * one; the query layer enforces it, so the JSON API, CSV exports and dashboard pages get the same
 * guarantees:
 *
 * <ul>
 *   <li>person-level data (a person's page, named leaderboard rows, sessions, identities) only for
 *       people in {@link #canSee visible people};
 *   <li>aggregates over fewer than {@link #minGroupSize} people are suppressed for everyone but
 *       admins (the number is replaced by a suppressed marker, never returned), and so are groups
 *       whose complement within the same breakdown is smaller than k (differencing guard).
 * </ul>
 *
 * @param subject       who, for the audit log: an account name or an API token id
 * @param role          admin, manager or member
 * @param personId      the person the viewer is (null for admin tokens that belong to nobody)
 * @param visiblePeople people the viewer may see individually; null means everyone (admins only).
 *                      Always contains {@code personId} when that is set.
 * @param minGroupSize  k: the smallest group whose aggregates a non-admin may see (at least 1)
 */
public record Viewer(String subject, Role role, String personId, Set<String> visiblePeople, int minGroupSize) {

  /** The default k ({@code privacy.min-group-size}). */
  public static final int DEFAULT_MIN_GROUP_SIZE = 5;

  public Viewer {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(role, "role");
    if (minGroupSize < 1) throw new IllegalArgumentException("minGroupSize must be >= 1, was " + minGroupSize);
    if (role == Role.ADMIN) {
      visiblePeople = null;
    } else {
      if (personId == null) throw new IllegalArgumentException(role.label() + " viewer '" + subject + "' needs a person id");
      java.util.Set<String> v = new java.util.HashSet<>(visiblePeople == null ? Set.of() : visiblePeople);
      v.add(personId);
      visiblePeople = Set.copyOf(v);
    }
  }

  /** An administrator: sees everything. */
  public static Viewer admin(String subject, String personId, int minGroupSize) {
    return new Viewer(subject, Role.ADMIN, personId, null, minGroupSize);
  }

  /** A member: sees themselves and aggregates of at least k people. */
  public static Viewer member(String subject, String personId, int minGroupSize) {
    return new Viewer(subject, Role.MEMBER, personId, Set.of(personId), minGroupSize);
  }

  /** A manager of {@code subtree} (the people reporting to them, directly or not). */
  public static Viewer manager(String subject, String personId, Set<String> subtree, int minGroupSize) {
    return new Viewer(subject, Role.MANAGER, personId, subtree, minGroupSize);
  }

  /**
   * The viewer a person gets from the directory: a manager of their reporting subtree when anyone
   * reports to them, else a member.
   */
  public static Viewer forPerson(String subject, String personId, OrgChart chart, int minGroupSize) {
    Set<String> subtree = chart.subtree(personId);
    return subtree.size() > 1
        ? manager(subject, personId, subtree, minGroupSize)
        : member(subject, personId, minGroupSize);
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /** True when this viewer may see the person's individual data. */
  public boolean canSee(String person) {
    return person != null && (visiblePeople == null || visiblePeople.contains(person));
  }

  /** True when this viewer may see an aggregate over {@code people} distinct people. */
  public boolean mayAggregate(long people) {
    return isAdmin() || people >= minGroupSize;
  }

  /** True when the person is the viewer themselves. */
  public boolean isSelf(String person) {
    return person != null && person.equals(personId);
  }
}
