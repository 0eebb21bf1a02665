package io.tokenmaxx.analyze;

import io.tokenmaxx.analyze.Disclosure.Cell;
import io.tokenmaxx.analyze.Disclosure.Dim;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The privacy rules of one request, in one place (RATIONALE.md, "Privacy model"). Admins see
 * everything. For everyone else a figure about other people is shown only when it covers at least
 * k people the viewer cannot see individually — people the viewer sees (themselves, a manager's
 * reports) are not counted, because the viewer could subtract them — and only when neither a
 * filter, another table of the page nor a published total beside it can isolate a smaller group
 * ({@link Disclosure} for usage figures, {@link #hiddenParts} for headcount partitions).
 */
final class Privacy {
  private final Viewer viewer;
  private final boolean open;
  private final Supplier<Disclosure> disclosure;
  private final Cell page;
  private final LocalDate from;
  private final LocalDate to;

  Privacy(Viewer viewer, Supplier<Disclosure> disclosure, Cell page, LocalDate from, LocalDate to) {
    this(viewer, false, disclosure, page, from, to);
  }

  private Privacy(Viewer viewer, boolean open, Supplier<Disclosure> disclosure, Cell page, LocalDate from, LocalDate to) {
    this.viewer = viewer;
    this.open = open;
    this.disclosure = disclosure;
    this.page = page;
    this.from = from;
    this.to = to;
  }

  /** Rules for an admin-only computation inside a page (nothing withheld). */
  static Privacy none() {
    return new Privacy(Viewer.admin("internal", null, 1), true, null, Cell.ALL, LocalDate.MIN, LocalDate.MAX);
  }

  /**
   * The rules for breakdowns of one person the viewer may see individually (their tool and model
   * mix): every group is that one visible person, so nothing is withheld.
   */
  Privacy forVisiblePerson(String person) {
    if (!viewer.canSee(person)) throw new NotVisibleException("viewer '" + viewer.subject() + "' may not see person '" + person + "'");
    return new Privacy(viewer, true, disclosure, page, from, to);
  }

  /**
   * The rules for the figures of a group (a team page): the page's cell narrowed to the group
   * (the page's department and team filters do not apply to a group's own page);
   * when the viewer may see every member individually (a manager of the team) nothing is withheld.
   */
  Privacy forGroup(Collection<String> members, Dim dim, String value) {
    boolean all = true;
    for (String m : members) if (!viewer.canSee(m)) all = false;
    Cell group = page.without(Dim.DEPARTMENT).without(Dim.TEAM).with(dim, value);
    return new Privacy(viewer, open || all, disclosure, group, from, to);
  }

  /** True when nothing is withheld from this viewer (an admin, or a group they see in full). */
  boolean open() {
    return open || viewer.isAdmin();
  }

  int k() {
    return viewer.isAdmin() ? 1 : viewer.minGroupSize();
  }

  /** Hide an aggregate over this many contributing people, when who they are is not known. */
  boolean hideCount(long people) {
    return !open() && people < viewer.minGroupSize();
  }

  /** The members who count toward k: those the viewer cannot see individually. */
  long counted(Collection<String> members) {
    long n = 0;
    for (String m : members) if (!viewer.canSee(m)) n++;
    return n;
  }

  /** Hide an aggregate over exactly these people: 1 .. k-1 of them are people the viewer cannot see. */
  boolean hideGroup(Collection<String> members) {
    if (open()) return false;
    if (members.isEmpty()) return true;
    long n = counted(members);
    return n > 0 && n < viewer.minGroupSize();
  }

  /** Hide a group whose complement within its breakdown has {@code rest} people. */
  boolean hideComplement(long rest) {
    return !open() && rest > 0 && rest < viewer.minGroupSize();
  }

  /**
   * The groups of a headcount partition (departments, teams) to hide: groups of 1 .. k-1 counted
   * people, then the smallest others until the hidden ones together hold k (the total is published
   * beside them, so total minus the shown groups would give the hidden ones away).
   */
  <K> Set<K> hiddenParts(Map<K, ? extends Collection<String>> groups) {
    return hiddenParts(groups, null);
  }

  /**
   * As above for a partition nested in a coarser one ({@code parentOf}: a team's department): the
   * coarser groups are published too, so the hidden groups within each shown parent must also hold
   * k people or none, and a hidden parent keeps some of its groups hidden.
   */
  <K> Set<K> hiddenParts(Map<K, ? extends Collection<String>> groups, Function<K, String> parentOf) {
    if (open()) return Set.of();
    Map<K, Map<Integer, Set<String>>> rows = new HashMap<>();
    groups.forEach((g, members) -> {
      Set<String> counted = new HashSet<>();
      for (String m : members) if (!viewer.canSee(m)) counted.add(m);
      rows.put(g, Map.of(0, counted));
    });
    if (parentOf == null) return Suppression.hidden(rows, viewer.minGroupSize());
    Map<String, Set<String>> parentMembers = new HashMap<>();
    Map<String, Set<K>> children = new HashMap<>();
    groups.forEach((g, members) -> {
      String parent = parentOf.apply(g);
      parentMembers.computeIfAbsent(parent, x -> new HashSet<>()).addAll(members);
      children.computeIfAbsent(parent, x -> new HashSet<>()).add(g);
    });
    Set<String> hiddenParents = hiddenParts(parentMembers);
    java.util.List<Set<K>> ofShown = new java.util.ArrayList<>();
    java.util.List<Set<K>> ofHidden = new java.util.ArrayList<>();
    children.forEach((p, c) -> (hiddenParents.contains(p) ? ofHidden : ofShown).add(c));
    Set<K> underHidden = new HashSet<>();
    ofHidden.forEach(underHidden::addAll);
    ofShown.add(underHidden);
    return Suppression.hidden(rows, viewer.minGroupSize(), ofShown, ofHidden);
  }

  /** True when the person counts toward k for this viewer (someone they cannot see individually). */
  boolean counts(String person) {
    return person != null && !viewer.canSee(person);
  }

  /**
   * The cells of a series of the page's group (hour x weekday, ...) to hide, from the counted
   * people of each cell per week: primary and complementary suppression ({@link Suppression}).
   */
  <K> Set<K> hiddenCells(Map<K, Map<Integer, Set<String>>> counted) {
    if (open()) return Set.of();
    return Suppression.hidden(counted, viewer.minGroupSize());
  }

  /** Hide the page's usage figures (over its filters and range). */
  boolean hidesPage() {
    return hides(page, from, to);
  }

  /** Hide the page's usage figures over another range (the previous period, a trailing window). */
  boolean hidesPage(LocalDate f, LocalDate t) {
    return hides(page, f, t);
  }

  /** Hide the row {@code key} of the page's breakdown by {@code dim}. */
  boolean hidesRow(Dim dim, String key) {
    return hides(page.with(dim, key), from, to);
  }

  /** The rows of the page's breakdown by {@code dim} to hide, as a test on the row key. */
  Predicate<String> rows(Dim dim) {
    if (open()) return k -> false;
    return key -> hidesRow(dim, key);
  }

  /** The rows of a breakdown by {@code dim} whose keys map to values through {@code value}. */
  Predicate<String> rows(Dim dim, Function<String, String> value) {
    if (open()) return k -> false;
    return key -> hidesRow(dim, value.apply(key));
  }

  private boolean hides(Cell cell, LocalDate f, LocalDate t) {
    if (open()) return false;
    return !disclosure.get().shows(cell, f, t);
  }
}
