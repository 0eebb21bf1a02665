package io.tokenmaxx.analyze;

import io.tokenmaxx.analyze.page.Period;
import io.tokenmaxx.analyze.page.PersonRef;
import io.tokenmaxx.analyze.store.Scope;
import io.tokenmaxx.identity.Department;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.identity.Team;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** One page request: the viewer, the resolved filter and scope, and a snapshot of the directory. */
final class Request {
  final AnalyticsService service;
  final Viewer viewer;
  final AnalyticsFilter filter;
  final Scope scope;
  final Period period;
  private final Later<Map<String, Person>> people;
  private final Later<Map<String, Team>> teams;
  private final Later<Map<String, Department>> departments;
  final Privacy privacy;

  Request(AnalyticsService service, Viewer viewer, AnalyticsFilter raw) {
    this.service = service;
    this.viewer = java.util.Objects.requireNonNull(viewer, "viewer");
    AnalyticsFilter asked = raw == null ? AnalyticsFilter.defaults() : raw;
    this.filter = viewer.isAdmin() ? asked.resolve(service.clock, service.settings.zone()) : wholeWeeks(asked, service);
    this.scope = Scope.of(filter, service.settings.weekStart());
    AnalyticsFilter prev = viewer.isAdmin() ? filter.previous()
        : filter.withRange(filter.from().minusWeeks((filter.days() + 6) / 7), filter.from().minusDays(1));
    this.period = new Period(filter.from(), filter.to(), filter.zone().getId(), filter.days(), prev.from(), prev.to());
    // The directory is read beside the page's store queries, which start right after.
    this.people = later(() -> byId(service.directory.people(), Person::id));
    this.teams = later(() -> byId(service.directory.teams(), Team::id));
    this.departments = later(() -> byId(service.directory.departments(), Department::id));
    this.privacy = new Privacy(viewer, memoize(this::loadDisclosure), pageCell(filter), filter.from(), filter.to());
  }

  /**
   * The range a restricted viewer gets: in the organization's zone, widened to whole weeks (to
   * today at the latest), so that two ranges never differ by a day or a few hours of another
   * group's usage — the disclosure rules check a group week by week (RATIONALE.md, "Privacy model").
   */
  static AnalyticsFilter wholeWeeks(AnalyticsFilter asked, AnalyticsService service) {
    java.time.ZoneId zone = service.settings.zone();
    AnalyticsFilter f = asked.toBuilder().zone(null).build().resolve(service.clock, zone);
    java.time.DayOfWeek start = service.settings.weekStart();
    LocalDate today = LocalDate.now(service.clock.withZone(zone));
    LocalDate from = f.from().with(TemporalAdjusters.previousOrSame(start));
    LocalDate to = f.to().with(TemporalAdjusters.previousOrSame(start)).plusDays(6);
    if (to.isAfter(today) && !f.to().isAfter(today)) to = today;
    return f.withRange(from, to).toBuilder().zone(zone).build();
  }

  /** The page's filters as a disclosure cell. */
  static Disclosure.Cell pageCell(AnalyticsFilter f) {
    return Disclosure.Cell.ALL.with(Disclosure.Dim.DEPARTMENT, f.departments()).with(Disclosure.Dim.TEAM, f.teams())
        .with(Disclosure.Dim.TOOL, f.tools()).with(Disclosure.Dim.MODEL, f.models());
  }

  /**
   * What the disclosure rules need: usage by day, key and person over every range a page
   * publishes (the period, the previous one, the trailing 28 days and four whole weeks, the month
   * to date). A figure over days outside it would count no one: every caller stays within it.
   */
  private Disclosure loadDisclosure() {
    LocalDate to = filter.to();
    LocalDate first = period.previousFrom();
    if (to.minusDays(27).isBefore(first)) first = to.minusDays(27);
    if (to.withDayOfMonth(1).isBefore(first)) first = to.withDayOfMonth(1);
    if (weekOf(to).minusWeeks(4).isBefore(first)) first = weekOf(to).minusWeeks(4);
    Scope base = new Scope(first, to, filter.zone(), service.settings.weekStart(), null, null, null, null, null, true);
    return Disclosure.load(service.store, base, viewer, people(), viewer.minGroupSize());
  }

  private static <T> java.util.function.Supplier<T> memoize(java.util.function.Supplier<T> s) {
    return new java.util.function.Supplier<>() {
      private volatile T value;

      @Override
      public synchronized T get() {
        if (value == null) value = s.get();
        return value;
      }
    };
  }

  private static <T> Map<String, T> byId(java.util.List<T> items, java.util.function.Function<T, String> id) {
    Map<String, T> out = new HashMap<>();
    for (T t : items) out.put(id.apply(t), t);
    return out;
  }

  /** The directory's people by id (waits for the read started with the request). */
  Map<String, Person> people() {
    return people.get();
  }

  Map<String, Team> teams() {
    return teams.get();
  }

  Map<String, Department> departments() {
    return departments.get();
  }

  /** People counted in the headcount on a day: started by then (or no start date). */
  boolean started(Person p, LocalDate day) {
    return p.startDate() == null || !p.startDate().isAfter(day);
  }

  /** The filtered headcount on {@code day}: people matching the department and team filters who had started. */
  Set<String> population(LocalDate day) {
    Set<String> out = new LinkedHashSet<>();
    for (Person p : people().values()) {
      if (matchesPeopleFilter(p) && started(p, day)) out.add(p.id());
    }
    return out;
  }

  /** Everyone in the directory who had started by {@code day}, unfiltered. */
  Set<String> everyone(LocalDate day) {
    Set<String> out = new LinkedHashSet<>();
    for (Person p : people().values()) if (started(p, day)) out.add(p.id());
    return out;
  }

  boolean matchesPeopleFilter(Person p) {
    if (!filter.departments().isEmpty() && (p.department() == null || !filter.departments().contains(p.department()))) return false;
    if (!filter.teams().isEmpty() && (p.team() == null || !filter.teams().contains(p.team()))) return false;
    return true;
  }

  /**
   * True when the page's population must be hidden from this viewer: fewer than k people (and not
   * all visible to the viewer), or — when a department/team filter narrows it — the rest of the
   * organization is a group of 1 .. k-1 people that the difference with the unfiltered page would expose.
   */
  boolean hidePopulation(Set<String> population) {
    if (privacy.hideGroup(population)) return true;
    if (!filter.narrowsPeople()) return false;
    int rest = everyone(filter.to()).size() - population.size();
    return privacy.hideComplement(rest);
  }

  LocalDate weekOf(LocalDate d) {
    return d.with(TemporalAdjusters.previousOrSame(service.settings.weekStart()));
  }

  PersonRef ref(String id) {
    Person p = people().get(id);
    if (p == null) return new PersonRef(id, null, null, null);
    return new PersonRef(p.id(), p.name(), p.team(), p.department());
  }

  String teamName(String id) {
    if (id == null) return "No team";
    Team t = teams().get(id);
    return t != null && t.name() != null ? t.name() : id;
  }

  String departmentName(String id) {
    if (id == null) return "No department";
    Department d = departments().get(id);
    return d != null && d.name() != null ? d.name() : id;
  }

  /**
   * Starts a store query on the service's executor, so the independent queries of a page run
   * side by side; {@link Later#get()} waits for it (and rethrows what it threw).
   */
  <T> Later<T> later(java.util.function.Supplier<T> query) {
    return new Later<>(java.util.concurrent.CompletableFuture.supplyAsync(query, service.executor));
  }

  /** A query under way. */
  static final class Later<T> {
    private final java.util.concurrent.CompletableFuture<T> f;

    Later(java.util.concurrent.CompletableFuture<T> f) {
      this.f = f;
    }

    /** The part of this query's answer that {@code part} picks (several page parts from one query). */
    <R> Later<R> map(java.util.function.Function<T, R> part) {
      return new Later<>(f.thenApply(part));
    }

    T get() {
      try {
        return f.join();
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) throw r;
        if (e.getCause() instanceof Error err) throw err;
        throw e;
      }
    }
  }

  void audit(String action, String resource, String person, String detail) {
    service.audit.append(new AuditEntry(service.clock.instant(), viewer.subject(), action, resource, person, detail));
  }

  /** The filter, for audit details. */
  String describe() {
    StringBuilder sb = new StringBuilder(filter.from() + ".." + filter.to() + " " + filter.zone().getId());
    if (!filter.departments().isEmpty()) sb.append(" departments=").append(new java.util.TreeSet<>(filter.departments()));
    if (!filter.teams().isEmpty()) sb.append(" teams=").append(new java.util.TreeSet<>(filter.teams()));
    if (!filter.tools().isEmpty()) sb.append(" tools=").append(new java.util.TreeSet<>(filter.tools()));
    if (!filter.models().isEmpty()) sb.append(" models=").append(new java.util.TreeSet<>(filter.models()));
    return sb.toString();
  }
}
