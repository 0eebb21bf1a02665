package io.tokenmaxx.analyze;

import java.util.Collection;

/**
 * The k-anonymity rules, in one place. Admins see everything. For everyone else an aggregate is
 * withheld when it covers fewer than k people — unless the viewer may see every one of those
 * people individually anyway (a manager looking at their own small team) — and a group of a
 * breakdown is withheld when the rest of the breakdown is 1 .. k-1 people (differencing guard).
 */
final class Privacy {
  private final Viewer viewer;
  private final boolean open;

  Privacy(Viewer viewer) {
    this(viewer, false);
  }

  private Privacy(Viewer viewer, boolean open) {
    this.viewer = viewer;
    this.open = open;
  }

  /**
   * The rules for breakdowns of one person the viewer may see individually (their tool and model
   * mix): every group is that one visible person, so nothing is withheld.
   */
  Privacy forVisiblePerson(String person) {
    if (!viewer.canSee(person)) throw new NotVisibleException("viewer '" + viewer.subject() + "' may not see person '" + person + "'");
    return new Privacy(viewer, true);
  }

  /**
   * The rules for breakdowns of a group the viewer may see (a team page): when the viewer may see
   * every member individually (a manager of the team), nothing is withheld; otherwise the usual rules.
   */
  Privacy forVisibleGroup(Collection<String> members) {
    for (String m : members) if (!viewer.canSee(m)) return this;
    return new Privacy(viewer, true);
  }

  int k() {
    return viewer.isAdmin() ? 1 : viewer.minGroupSize();
  }

  /** Hide an aggregate over this many contributing people (identities not known). */
  boolean hideCount(long people) {
    return !open && !viewer.isAdmin() && people < viewer.minGroupSize();
  }

  /** Hide an aggregate over exactly these people. */
  boolean hideGroup(Collection<String> members) {
    if (viewer.isAdmin() || members.size() >= viewer.minGroupSize()) return false;
    for (String m : members) if (!viewer.canSee(m)) return true;
    return members.isEmpty();
  }

  /** Hide a group whose complement within its breakdown has {@code rest} people. */
  boolean hideComplement(long rest) {
    return !viewer.isAdmin() && rest > 0 && rest < viewer.minGroupSize();
  }

  /** Hide a group of a partition (departments, teams): the group itself or its complement is too small. */
  boolean hidePart(Collection<String> members, long total) {
    return hideGroup(members) || hideComplement(total - members.size());
  }
}
