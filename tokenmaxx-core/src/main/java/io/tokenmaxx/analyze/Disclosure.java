package io.tokenmaxx.analyze;

import io.tokenmaxx.analyze.store.AnalyticsStore;
import io.tokenmaxx.analyze.store.GroupKey;
import io.tokenmaxx.analyze.store.Scope;
import io.tokenmaxx.analyze.store.UsageRow;
import io.tokenmaxx.identity.Person;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides, for a restricted viewer (anyone but an admin), which usage figures may be published:
 * the one place that knows the disclosure rules of RATIONALE.md ("Privacy model"). A figure is a
 * sum over a {@link Cell} (department, team, tool, category, model, provider values) and a date
 * range. It is shown only when
 *
 * <ol>
 *   <li>in every week of the range it covers no one, or at least k people the viewer cannot see
 *       individually (their own records and their reports' never count toward k, so records a
 *       member sends cannot lift suppression, and what the viewer can subtract is not protection);
 *   <li>for every dimension the cell is narrowed by, its values are among the rows that the
 *       breakdown of that dimension shows beside its total ({@link #shownValues}): rows hidden
 *       there (primary and complementary suppression, {@link Suppression}) cannot be reached through
 *       a filter, a drill-down, another table or a difference of totals either.
 * </ol>
 *
 * Built from one store query per request: usage by day, tool, model, provider and person over the
 * request's whole range (previous period included). Thread-safe; answers are memoized.
 */
final class Disclosure {
  /** The dimensions a figure can be narrowed by. */
  enum Dim {
    DEPARTMENT, TEAM, TOOL, CATEGORY, MODEL, PROVIDER
  }

  /** The value a missing key (no team, no model) is compared as. */
  static final String NONE = "";

  /** A group of records: per dimension, the values it is narrowed to (a dimension absent: any). */
  record Cell(Map<Dim, Set<String>> values) {
    static final Cell ALL = new Cell(Map.of());

    Cell {
      Map<Dim, Set<String>> m = new EnumMap<>(Dim.class);
      values.forEach((d, v) -> { if (v != null && !v.isEmpty()) m.put(d, Set.copyOf(v)); });
      values = java.util.Collections.unmodifiableMap(m);
    }

    Cell with(Dim d, String value) {
      Map<Dim, Set<String>> m = new EnumMap<>(Dim.class);
      m.putAll(values);
      m.put(d, Set.of(norm(value)));
      return new Cell(m);
    }

    Cell with(Dim d, Set<String> vs) {
      Map<Dim, Set<String>> m = new EnumMap<>(Dim.class);
      m.putAll(values);
      Set<String> n = new HashSet<>();
      for (String v : vs) n.add(norm(v));
      m.put(d, n);
      return new Cell(m);
    }

    Cell without(Dim d) {
      Map<Dim, Set<String>> m = new EnumMap<>(Dim.class);
      m.putAll(values);
      m.remove(d);
      return new Cell(m);
    }

    boolean matches(Fact f) {
      for (Map.Entry<Dim, Set<String>> e : values.entrySet()) {
        if (!e.getValue().contains(f.values[e.getKey().ordinal()])) return false;
      }
      return true;
    }
  }

  /** One day's usage of one person (who counts toward k) under one tool, model and provider. */
  record Fact(LocalDate day, int week, String[] values, String person) {}

  private final int k;
  private final LocalDate first;
  private final List<Fact> facts;
  private final Map<Object, Object> memo = new ConcurrentHashMap<>();

  private Disclosure(int k, LocalDate first, List<Fact> facts) {
    this.k = k;
    this.first = first;
    this.facts = facts;
  }

  static String norm(String v) {
    return v == null ? NONE : v;
  }

  /**
   * The facts of {@code base} (no people, tool or model filters; any range) for this viewer: only
   * people the viewer cannot see individually are kept.
   */
  static Disclosure load(AnalyticsStore store, Scope base, Viewer viewer, Map<String, Person> people, int k) {
    List<UsageRow> rows = store.sums(base, List.of(GroupKey.DAY, GroupKey.TOOL, GroupKey.MODEL, GroupKey.PROVIDER,
        GroupKey.PERSON));
    DayOfWeek weekStart = base.weekStart();
    LocalDate first = base.from().with(TemporalAdjusters.previousOrSame(weekStart));
    List<Fact> facts = new ArrayList<>(rows.size());
    for (UsageRow r : rows) {
      String person = r.key(4);
      if (person == null || viewer.canSee(person)) continue;
      Person p = people.get(person);
      LocalDate day = LocalDate.parse(r.key(0));
      String[] v = new String[Dim.values().length];
      v[Dim.DEPARTMENT.ordinal()] = norm(p == null ? null : p.department());
      v[Dim.TEAM.ordinal()] = norm(p == null ? null : p.team());
      v[Dim.TOOL.ordinal()] = norm(r.key(1));
      v[Dim.CATEGORY.ordinal()] = ToolCategory.of(r.key(1)).label();
      v[Dim.MODEL.ordinal()] = norm(r.key(2));
      v[Dim.PROVIDER.ordinal()] = norm(r.key(3));
      int week = (int) ChronoUnit.WEEKS.between(first, day.with(TemporalAdjusters.previousOrSame(weekStart)));
      facts.add(new Fact(day, week, v, person));
    }
    return new Disclosure(k, base.from(), facts);
  }

  /** True when the figure over {@code cell} and {@code from..to} may be shown. */
  boolean shows(Cell cell, LocalDate from, LocalDate to) {
    Objects.requireNonNull(cell, "cell");
    if (from.isBefore(first)) return false; // days it knows nothing about: fail closed
    return memo(List.of("shows", cell, from, to), () -> {
      if (!Suppression.enough(weeks(cell, from, to), k)) return false;
      for (Map.Entry<Dim, Set<String>> e : cell.values().entrySet()) {
        Set<String> hidden = hiddenValues(cell.without(e.getKey()), e.getKey(), from, to);
        for (String v : e.getValue()) if (hidden.contains(v)) return false;
      }
      return true;
    });
  }

  /**
   * The values of {@code d} that the breakdown of {@code context} by {@code d} must hide (primary
   * and complementary suppression, week by week); values not listed may be shown.
   */
  Set<String> hiddenValues(Cell context, Dim d, LocalDate from, LocalDate to) {
    return memo(List.of("hidden", context, d, from, to), () -> {
      Dim parent = parent(d);
      Map<String, Map<Integer, Set<String>>> rows = new HashMap<>();
      Map<String, Set<String>> children = new HashMap<>();
      for (Fact f : facts) {
        if (f.day().isBefore(from) || f.day().isAfter(to) || !context.matches(f)) continue;
        String v = f.values()[d.ordinal()];
        rows.computeIfAbsent(v, x -> new HashMap<>()).computeIfAbsent(f.week(), w -> new HashSet<>()).add(f.person());
        if (parent != null) children.computeIfAbsent(f.values()[parent.ordinal()], x -> new HashSet<>()).add(v);
      }
      if (parent == null) return Set.copyOf(Suppression.hidden(rows, k));
      // Teams within departments, tools within categories, models within providers: a parent's row
      // (or filter) gives the sum of its children, so the hidden children of each shown parent must
      // hold k people or none, and a hidden parent keeps some hidden children (else they add up to it).
      Set<String> hiddenParents = hiddenValues(context.without(parent), parent, from, to);
      List<Set<String>> ofShown = new ArrayList<>();
      List<Set<String>> ofHidden = new ArrayList<>();
      children.forEach((p, c) -> (hiddenParents.contains(p) ? ofHidden : ofShown).add(c));
      // The children of all hidden parents together are what the total minus everything shown
      // leaves: they too hold k people or none.
      Set<String> underHidden = new HashSet<>();
      ofHidden.forEach(underHidden::addAll);
      ofShown.add(underHidden);
      return Set.copyOf(Suppression.hidden(rows, k, ofShown, ofHidden));
    });
  }

  /** The coarser dimension each value of {@code d} belongs to (null for the coarse ones). */
  static Dim parent(Dim d) {
    return switch (d) {
      case TEAM -> Dim.DEPARTMENT;
      case TOOL -> Dim.CATEGORY;
      case MODEL -> Dim.PROVIDER;
      default -> null;
    };
  }

  /** The memoized answer (answers call each other, so no computeIfAbsent: a race only computes twice). */
  @SuppressWarnings("unchecked")
  private <T> T memo(List<Object> key, java.util.function.Supplier<T> compute) {
    Object v = memo.get(key);
    if (v == null) {
      v = compute.get();
      memo.putIfAbsent(key, v);
    }
    return (T) v;
  }

  /** Per week of the range: the people of the cell who count toward k. */
  private Map<Integer, Set<String>> weeks(Cell cell, LocalDate from, LocalDate to) {
    Map<Integer, Set<String>> out = new HashMap<>();
    for (Fact f : facts) {
      if (f.day().isBefore(from) || f.day().isAfter(to) || !cell.matches(f)) continue;
      out.computeIfAbsent(f.week(), w -> new HashSet<>()).add(f.person());
    }
    return out;
  }
}
