package io.tokenmaxx.analyze.store;

import io.tokenmaxx.analyze.DepthThresholds;
import io.tokenmaxx.analyze.LeaderboardMeasure;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link AnalyticsStore} over plain lists, record by record: the definition every SQL backend is
 * checked against. Simple rather than fast; fine for tests and small local reports.
 */
public final class ReferenceAnalyticsStore implements AnalyticsStore {
  /** How far before a scope's start a session's first request may lie and still be seen. */
  public static final Duration SESSION_LOOKBACK = Duration.ofDays(7);

  private final List<UsageRecord> usage;
  private final List<OutcomeRecord> outcomes;
  private final Map<String, Person> people = new HashMap<>();

  /** Takes the records as they are (last copy per id wins, like the stores' upsert). */
  public ReferenceAnalyticsStore(Collection<UsageRecord> usage, Collection<OutcomeRecord> outcomes,
      Collection<Person> directory) {
    Map<String, UsageRecord> u = new LinkedHashMap<>();
    for (UsageRecord r : usage) u.put(r.id(), r);
    Map<String, OutcomeRecord> o = new LinkedHashMap<>();
    for (OutcomeRecord r : outcomes) o.put(r.id(), r);
    this.usage = List.copyOf(u.values());
    this.outcomes = List.copyOf(o.values());
    for (Person p : directory) people.put(p.id(), p);
  }

  // ---- scoping ----

  private boolean peopleMatch(Scope s, String person) {
    if (s.persons() != null && (person == null || !s.persons().contains(person))) return false;
    if (s.knownPeopleOnly() && (person == null || !people.containsKey(person))) return false;
    if (!s.departments().isEmpty() || !s.teams().isEmpty()) {
      Person p = person == null ? null : people.get(person);
      if (p == null) return false;
      if (!s.departments().isEmpty() && (p.department() == null || !s.departments().contains(p.department()))) return false;
      if (!s.teams().isEmpty() && (p.team() == null || !s.teams().contains(p.team()))) return false;
    }
    return true;
  }

  private boolean matchesIgnoringTime(Scope s, UsageRecord r) {
    if (!s.tools().isEmpty() && !s.tools().contains(r.tool())) return false;
    if (!s.models().isEmpty() && !s.models().contains(r.model())) return false;
    return peopleMatch(s, r.person());
  }

  private boolean inRange(Scope s, Instant t) {
    return !t.isBefore(s.start()) && t.isBefore(s.end());
  }

  private List<UsageRecord> inScope(Scope s) {
    Instant start = s.start();
    Instant end = s.end();
    List<UsageRecord> out = new ArrayList<>();
    for (UsageRecord r : usage) {
      if (r.timestamp().isBefore(start) || !r.timestamp().isBefore(end)) continue;
      if (matchesIgnoringTime(s, r)) out.add(r);
    }
    return out;
  }

  private LocalDate day(Scope s, Instant t) {
    return LocalDate.ofInstant(t, s.zone());
  }

  private LocalDate week(Scope s, LocalDate d) {
    return d.with(TemporalAdjusters.previousOrSame(s.weekStart()));
  }

  private static BigDecimal costOf(UsageRecord r) {
    BigDecimal c = r.effectiveCost();
    return c == null ? BigDecimal.ZERO : c;
  }

  // ---- usage ----

  @Override
  public List<UsageRow> usage(Scope scope, List<GroupKey> keys) {
    Map<List<String>, Acc> groups = new HashMap<>();
    for (UsageRecord r : inScope(scope)) {
      String[] k = new String[keys.size()];
      for (int i = 0; i < k.length; i++) k[i] = keyOf(scope, keys.get(i), r);
      groups.computeIfAbsent(Arrays.asList(k), x -> new Acc()).add(r, day(scope, r.timestamp()));
    }
    List<UsageRow> out = new ArrayList<>();
    groups.forEach((k, a) -> out.add(a.row(k)));
    out.sort(KEY_ORDER);
    return out;
  }

  /** Rows by key: lexicographic per position, nulls last. */
  public static final Comparator<UsageRow> KEY_ORDER = (a, b) -> {
    for (int i = 0; i < a.key().size(); i++) {
      int c = Comparator.<String>nullsLast(Comparator.naturalOrder()).compare(a.key(i), b.key(i));
      if (c != 0) return c;
    }
    return 0;
  };

  private String keyOf(Scope s, GroupKey k, UsageRecord r) {
    LocalDate d = day(s, r.timestamp());
    return switch (k) {
      case DAY -> d.toString();
      case WEEK -> week(s, d).toString();
      case MONTH -> d.toString().substring(0, 7);
      case DAY_OF_WEEK -> Integer.toString(d.getDayOfWeek().getValue());
      case HOUR_OF_DAY -> String.format(java.util.Locale.ROOT, "%02d", r.timestamp().atZone(s.zone()).getHour());
      case TOOL -> r.tool();
      case TOOL_CATEGORY -> io.tokenmaxx.analyze.ToolCategory.of(r.tool()).label();
      case MODEL -> r.model();
      case PROVIDER -> r.provider();
      case PERSON -> r.person();
      case TEAM -> r.person() == null || !people.containsKey(r.person()) ? null : people.get(r.person()).team();
      case DEPARTMENT -> r.person() == null || !people.containsKey(r.person()) ? null : people.get(r.person()).department();
    };
  }

  private static final class Acc {
    long in, out, cr, cw, rs, req, recs, unpriced;
    BigDecimal cost = BigDecimal.ZERO;
    final Set<String> persons = new HashSet<>();
    final Set<String> personDays = new HashSet<>();

    void add(UsageRecord r, LocalDate day) {
      in += r.inputTokens();
      out += r.outputTokens();
      cr += r.cacheReadTokens();
      cw += r.cacheWriteTokens();
      rs += r.reasoningTokens();
      req += r.requests();
      recs++;
      if (r.effectiveCost() == null) unpriced++;
      cost = cost.add(costOf(r));
      if (r.person() != null) {
        persons.add(r.person());
        personDays.add(r.person() + "\u0000" + day);
      }
    }

    UsageRow row(List<String> key) {
      return new UsageRow(Collections.unmodifiableList(new ArrayList<>(key)), in, out, cr, cw, rs, req, recs,
          cost, unpriced, persons.size(), personDays.size());
    }
  }

  // ---- first use, people, depth, retention ----

  @Override
  public Map<String, LocalDate> firstUse(Scope scope) {
    Map<String, Instant> first = new HashMap<>();
    for (UsageRecord r : usage) {
      if (r.person() == null || !matchesIgnoringTime(scope, r)) continue;
      first.merge(r.person(), r.timestamp(), (a, b) -> a.isBefore(b) ? a : b);
    }
    Map<String, LocalDate> out = new HashMap<>();
    first.forEach((p, t) -> out.put(p, day(scope, t)));
    return out;
  }

  @Override
  public List<PersonStats> people(Scope scope, LeaderboardMeasure measure) {
    Map<String, PersonAcc> by = new HashMap<>();
    for (UsageRecord r : inScope(scope)) {
      if (r.person() == null) continue;
      by.computeIfAbsent(r.person(), p -> new PersonAcc()).add(r, day(scope, r.timestamp()));
    }
    Map<String, Map<OutcomeKind, Double>> outs = outcomesByPerson(scope);
    List<PersonStats> rows = new ArrayList<>();
    by.forEach((p, a) -> rows.add(a.stats(p, outs.getOrDefault(p, Map.of()), measure)));
    return rank(rows);
  }

  /** Ranks rows by value, highest first; ties share a rank; ordered by rank then person. */
  static List<PersonStats> rank(List<PersonStats> rows) {
    List<PersonStats> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(PersonStats::value, Comparator.reverseOrder()).thenComparing(PersonStats::person));
    List<PersonStats> out = new ArrayList<>(sorted.size());
    int rank = 0;
    BigDecimal prev = null;
    for (int i = 0; i < sorted.size(); i++) {
      PersonStats s = sorted.get(i);
      if (prev == null || s.value().compareTo(prev) != 0) rank = i + 1;
      prev = s.value();
      out.add(new PersonStats(s.person(), s.tokens(), s.cost(), s.records(), s.activeDays(), s.tools(), s.models(),
          s.commits(), s.pullRequests(), s.linesAdded(), s.linesRemoved(), s.editsAccepted(), s.editsRejected(),
          s.activeSecondsUser(), s.activeSecondsAgent(), s.value(), rank));
    }
    return out;
  }

  private static final class PersonAcc {
    long tokens, records;
    BigDecimal cost = BigDecimal.ZERO;
    final Set<LocalDate> days = new HashSet<>();
    final Set<String> tools = new TreeSet<>();
    final Set<String> models = new HashSet<>();

    void add(UsageRecord r, LocalDate day) {
      tokens += r.totalTokens();
      records++;
      cost = cost.add(costOf(r));
      days.add(day);
      tools.add(r.tool());
      models.add(r.model());
    }

    PersonStats stats(String person, Map<OutcomeKind, Double> o, LeaderboardMeasure m) {
      double commits = o.getOrDefault(OutcomeKind.COMMIT, 0.0);
      double prs = o.getOrDefault(OutcomeKind.PULL_REQUEST, 0.0);
      BigDecimal value = switch (m) {
        case TOKENS -> BigDecimal.valueOf(tokens);
        case SPEND -> cost;
        case ACTIVE_DAYS -> BigDecimal.valueOf(days.size());
        case TOOLS -> BigDecimal.valueOf(tools.size());
        case OUTCOMES_PER_TOKEN -> tokens == 0 ? BigDecimal.ZERO
            : BigDecimal.valueOf((commits + prs) * 1_000_000.0 / (double) tokens);
      };
      return new PersonStats(person, tokens, cost, records, days.size(), List.copyOf(tools), models.size(),
          commits, prs, o.getOrDefault(OutcomeKind.LINES_ADDED, 0.0), o.getOrDefault(OutcomeKind.LINES_REMOVED, 0.0),
          o.getOrDefault(OutcomeKind.EDIT_ACCEPTED, 0.0), o.getOrDefault(OutcomeKind.EDIT_REJECTED, 0.0),
          o.getOrDefault(OutcomeKind.ACTIVE_SECONDS_USER, 0.0), o.getOrDefault(OutcomeKind.ACTIVE_SECONDS_CLI, 0.0),
          value, 0);
    }
  }

  @Override
  public List<DepthRow> depth(Scope scope, DepthThresholds t) {
    Map<LocalDate, Map<String, Set<LocalDate>>> weeks = new TreeMap<>();
    for (UsageRecord r : inScope(scope)) {
      if (r.person() == null) continue;
      LocalDate d = day(scope, r.timestamp());
      weeks.computeIfAbsent(week(scope, d), w -> new HashMap<>())
          .computeIfAbsent(r.person(), p -> new HashSet<>()).add(d);
    }
    List<DepthRow> out = new ArrayList<>();
    weeks.forEach((w, persons) -> {
      long light = 0, moderate = 0, heavy = 0;
      for (Set<LocalDate> days : persons.values()) {
        switch (t.of(days.size())) {
          case LIGHT -> light++;
          case MODERATE -> moderate++;
          case HEAVY -> heavy++;
          case NONE -> { }
        }
      }
      out.add(new DepthRow(w, light, moderate, heavy));
    });
    return out;
  }

  @Override
  public List<RetentionRow> retention(Scope scope) {
    LocalDate firstWeek = week(scope, scope.from());
    LocalDate lastWeek = week(scope, scope.to());
    Map<String, LocalDate> cohortOf = new HashMap<>();
    firstUse(scope).forEach((p, d) -> {
      LocalDate w = week(scope, d);
      if (!w.isBefore(firstWeek) && !d.isAfter(scope.to())) cohortOf.put(p, w);
    });
    Map<LocalDate, Map<Integer, Set<String>>> active = new TreeMap<>();
    for (UsageRecord r : inScope(scope)) {
      LocalDate cohort = r.person() == null ? null : cohortOf.get(r.person());
      if (cohort == null) continue;
      LocalDate w = week(scope, day(scope, r.timestamp()));
      if (w.isBefore(cohort) || w.isAfter(lastWeek)) continue;
      int offset = (int) (ChronoUnit.DAYS.between(cohort, w) / 7);
      active.computeIfAbsent(cohort, c -> new TreeMap<>()).computeIfAbsent(offset, o -> new HashSet<>()).add(r.person());
    }
    List<RetentionRow> out = new ArrayList<>();
    active.forEach((c, offsets) -> offsets.forEach((o, ps) -> out.add(new RetentionRow(c, o, ps.size()))));
    return out;
  }

  // ---- sessions ----

  private record SessionKey(String person, String tool, String session) {}

  private static final class SessionAcc {
    Instant start, end;
    long requests, records, tokens;
    BigDecimal cost = BigDecimal.ZERO;
    final Map<String, Long> modelTokens = new HashMap<>();

    void add(UsageRecord r) {
      Instant t = r.timestamp().truncatedTo(ChronoUnit.MICROS);
      if (start == null || t.isBefore(start)) start = t;
      if (end == null || t.isAfter(end)) end = t;
      requests += r.requests();
      records++;
      tokens += r.totalTokens();
      cost = cost.add(costOf(r));
      modelTokens.merge(r.model(), r.totalTokens(), Long::sum);
    }

    String topModel() {
      return modelTokens.entrySet().stream()
          .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
          .map(Map.Entry::getKey).orElse(null);
    }
  }

  private List<SessionRow> sessionsOf(Scope scope) {
    Instant from = scope.start().minus(SESSION_LOOKBACK);
    Instant end = scope.end();
    Map<SessionKey, SessionAcc> by = new HashMap<>();
    for (UsageRecord r : usage) {
      if (r.sessionId() == null || r.timestamp().isBefore(from) || !r.timestamp().isBefore(end)) continue;
      if (!matchesIgnoringTime(scope, r)) continue;
      by.computeIfAbsent(new SessionKey(r.person(), r.tool(), r.sessionId()), k -> new SessionAcc()).add(r);
    }
    List<SessionRow> out = new ArrayList<>();
    by.forEach((k, a) -> {
      if (a.start.isBefore(scope.start())) return;
      out.add(new SessionRow(k.session(), k.person(), k.tool(), a.start, a.end, a.topModel(), a.modelTokens.size(),
          a.requests, a.records, a.tokens, a.cost));
    });
    return out;
  }

  /** Newest first; ties by session id, tool, person. */
  public static final Comparator<SessionRow> SESSION_ORDER = Comparator.comparing(SessionRow::start).reversed()
      .thenComparing(SessionRow::sessionId)
      .thenComparing(SessionRow::tool)
      .thenComparing(SessionRow::person, Comparator.nullsLast(Comparator.naturalOrder()));

  @Override
  public List<SessionRow> sessions(Scope scope, int limit) {
    List<SessionRow> all = sessionsOf(scope);
    all.sort(SESSION_ORDER);
    return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
  }

  @Override
  public SessionShapeStats sessionShapes(Scope scope) {
    List<SessionRow> all = sessionsOf(scope);
    double[] minutes = new double[all.size()];
    double[] tokens = new double[all.size()];
    double[] requests = new double[all.size()];
    for (int i = 0; i < all.size(); i++) {
      SessionRow s = all.get(i);
      minutes[i] = ChronoUnit.MICROS.between(s.start(), s.end()) / 60_000_000.0;
      tokens[i] = s.tokens();
      requests[i] = s.requests();
    }
    return new SessionShapeStats(all.size(), stats(minutes, Histograms.DURATION_MINUTES),
        stats(tokens, Histograms.SESSION_TOKENS), stats(requests, Histograms.SESSION_REQUESTS));
  }

  /** Count, mean, percentiles and histogram of values (shared with the SQL stores' post-processing). */
  public static SessionShapeStats.Stats stats(double[] values, double[] edges) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double sum = 0;
    long[] hist = new long[edges.length + 1];
    for (double v : sorted) {
      sum += v;
      hist[Histograms.bucket(edges, v)]++;
    }
    List<Double> ps = new ArrayList<>();
    for (double p : Histograms.PERCENTILES) ps.add(sorted.length == 0 ? null : Histograms.percentile(sorted, p));
    List<Long> h = new ArrayList<>();
    for (long c : hist) h.add(c);
    return new SessionShapeStats.Stats(sorted.length, sorted.length == 0 ? 0 : sum / sorted.length,
        Collections.unmodifiableList(ps), List.copyOf(h));
  }

  // ---- outcomes and spend ----

  @Override
  public Map<String, Map<OutcomeKind, Double>> outcomesByPerson(Scope scope) {
    Map<String, Map<OutcomeKind, Double>> out = new HashMap<>();
    for (OutcomeRecord o : outcomes) {
      if (o.person() == null || !inRange(scope, o.timestamp()) || !peopleMatch(scope, o.person())) continue;
      out.computeIfAbsent(o.person(), p -> new EnumMap<>(OutcomeKind.class)).merge(o.kind(), o.value(), Double::sum);
    }
    return out;
  }

  @Override
  public Map<OutcomeKind, Double> outcomes(Scope scope) {
    Map<OutcomeKind, Double> out = new EnumMap<>(OutcomeKind.class);
    for (OutcomeRecord o : outcomes) {
      if (!inRange(scope, o.timestamp()) || !peopleMatch(scope, o.person())) continue;
      out.merge(o.kind(), o.value(), Double::sum);
    }
    return out;
  }

  /** {@code spend x 365 / days / loadedCost} as a double, null without a positive loaded cost. */
  public static Double share(BigDecimal spend, BigDecimal loadedCost, int days) {
    if (loadedCost == null || loadedCost.signum() <= 0) return null;
    return spend.doubleValue() * 365.0 / days / loadedCost.doubleValue();
  }

  private int days(Scope s) {
    return (int) ChronoUnit.DAYS.between(s.from(), s.to()) + 1;
  }

  @Override
  public List<SpendShareRow> personSpendShares(Scope scope) {
    Map<String, BigDecimal> spend = new TreeMap<>();
    for (UsageRecord r : inScope(scope)) {
      if (r.person() == null || !people.containsKey(r.person())) continue;
      spend.merge(r.person(), costOf(r), BigDecimal::add);
    }
    List<SpendShareRow> out = new ArrayList<>();
    spend.forEach((p, c) -> {
      BigDecimal loaded = people.get(p).annualLoadedCost();
      out.add(new SpendShareRow(p, 1, c, loaded, share(c, loaded, days(scope))));
    });
    return out;
  }

  @Override
  public List<SpendShareRow> teamSpendShares(Scope scope) {
    Map<String, int[]> headcount = new TreeMap<>();
    Map<String, BigDecimal> loaded = new HashMap<>();
    for (Person p : people.values()) {
      if (p.team() == null || !peopleMatch(scope, p.id())) continue;
      headcount.computeIfAbsent(p.team(), t -> new int[1])[0]++;
      if (p.annualLoadedCost() != null) loaded.merge(p.team(), p.annualLoadedCost(), BigDecimal::add);
    }
    Map<String, BigDecimal> spend = new HashMap<>();
    for (UsageRecord r : inScope(scope)) {
      Person p = r.person() == null ? null : people.get(r.person());
      if (p == null || p.team() == null) continue;
      spend.merge(p.team(), costOf(r), BigDecimal::add);
    }
    List<SpendShareRow> out = new ArrayList<>();
    headcount.forEach((t, n) -> {
      BigDecimal s = spend.getOrDefault(t, BigDecimal.ZERO);
      BigDecimal l = loaded.get(t);
      out.add(new SpendShareRow(t, n[0], s, l, share(s, l, days(scope))));
    });
    return out;
  }

  // ---- unattributed ----

  private record Identity(String kind, String value) {}

  @Override
  public UnattributedTotals unattributedTotals(Scope scope) {
    Set<Identity> ids = new HashSet<>();
    long records = 0, tokens = 0;
    BigDecimal cost = BigDecimal.ZERO;
    for (UsageRecord r : inScope(scope)) {
      if (r.person() != null) continue;
      ids.add(identity(r));
      records++;
      tokens += r.totalTokens();
      cost = cost.add(costOf(r));
    }
    return new UnattributedTotals(records, tokens, cost, ids.size());
  }

  private static Identity identity(UsageRecord r) {
    return r.identity() == null ? new Identity(null, null) : new Identity(r.identity().kind().label(), r.identity().value());
  }

  @Override
  public List<IdentityUsage> unattributed(Scope scope, int limit) {
    Map<Identity, List<UsageRecord>> by = new HashMap<>();
    for (UsageRecord r : inScope(scope)) {
      if (r.person() == null) by.computeIfAbsent(identity(r), i -> new ArrayList<>()).add(r);
    }
    List<IdentityUsage> out = new ArrayList<>();
    by.forEach((id, rs) -> {
      long tokens = 0;
      BigDecimal cost = BigDecimal.ZERO;
      Instant first = null, last = null;
      Set<String> tools = new TreeSet<>();
      for (UsageRecord r : rs) {
        tokens += r.totalTokens();
        cost = cost.add(costOf(r));
        tools.add(r.tool());
        if (first == null || r.timestamp().isBefore(first)) first = r.timestamp();
        if (last == null || r.timestamp().isAfter(last)) last = r.timestamp();
      }
      out.add(new IdentityUsage(id.kind(), id.value(), List.copyOf(tools), rs.size(), tokens, cost,
          first.truncatedTo(ChronoUnit.HOURS), last.truncatedTo(ChronoUnit.HOURS)));
    });
    out.sort(IDENTITY_ORDER);
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
  }

  /** Most tokens first; ties by kind then value, nulls last. */
  public static final Comparator<IdentityUsage> IDENTITY_ORDER = Comparator.comparingLong(IdentityUsage::tokens).reversed()
      .thenComparing(IdentityUsage::kind, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(IdentityUsage::value, Comparator.nullsLast(Comparator.naturalOrder()));

  static <T> T require(T v, String what) {
    return Objects.requireNonNull(v, what);
  }
}
