package io.tokenmaxx.guard;

import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pure-Java reference for {@link WeekFeatures}: feed it records (any order), then read the
 * features of every person-week that has usage. Stores compute the same in SQL and are tested
 * against this. Records outside {@code [from, to)} or without a person are ignored.
 */
public final class FeatureExtractor {
  private final GuardConfig config;
  private final Instant from;
  private final Instant to;
  private final Map<String, List<long[]>> usageByPerson = new HashMap<>();
  private final Map<String, Map<Long, String>> hashes = new HashMap<>();
  private final Map<String, Map<Long, String>> tools = new HashMap<>();
  private final Map<String, Map<Long, String>> sessions = new HashMap<>();
  private final Map<String, double[]> outcomes = new HashMap<>();
  private long seq;

  /** Usage fields kept per record: micros, requests, total, generated, cache read, seq, input. */
  private static final int MICROS = 0, REQUESTS = 1, TOTAL = 2, GENERATED = 3, CACHE_READ = 4, SEQ = 5, INPUT = 6;

  public FeatureExtractor(GuardConfig config, Instant from, Instant to) {
    this.config = config;
    this.from = from;
    this.to = to;
  }

  private boolean inRange(Instant t) {
    return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
  }

  public void accept(UsageRecord r) {
    if (r.person() == null || !inRange(r.timestamp())) return;
    long id = seq++;
    usageByPerson.computeIfAbsent(r.person(), k -> new ArrayList<>()).add(new long[] {
        micros(r.timestamp()), r.requests(), r.totalTokens(), r.generatedTokens(), r.cacheReadTokens(), id,
        r.inputTokens()});
    if (r.promptHash() != null) hashes.computeIfAbsent(r.person(), k -> new HashMap<>()).put(id, r.promptHash());
    tools.computeIfAbsent(r.person(), k -> new HashMap<>()).put(id, r.tool());
    if (r.sessionId() != null) sessions.computeIfAbsent(r.person(), k -> new HashMap<>()).put(id, r.sessionId());
  }

  public void accept(OutcomeRecord o) {
    if (o.person() == null || !inRange(o.timestamp())) return;
    int k = switch (o.kind()) {
      case COMMIT -> 0;
      case PULL_REQUEST -> 1;
      case LINES_ADDED -> 2;
      case EDIT_ACCEPTED -> 3;
      case ACTIVE_SECONDS_USER -> 4;
      case ACTIVE_SECONDS_CLI -> 5;
      default -> -1;
    };
    if (k < 0) return;
    LocalDate week = GuardWeeks.weekOf(o.timestamp(), config.zone());
    outcomes.computeIfAbsent(o.person() + "\u0000" + week, x -> new double[6])[k] += o.value();
  }

  static long micros(Instant t) {
    return Math.multiplyExact(t.getEpochSecond(), 1_000_000L) + t.getNano() / 1000;
  }

  /** Features of every person-week with usage, ordered by person then week. */
  public List<WeekFeatures> features() {
    List<WeekFeatures> out = new ArrayList<>();
    List<String> people = new ArrayList<>(usageByPerson.keySet());
    people.sort(Comparator.naturalOrder());
    for (String person : people) out.addAll(personFeatures(person));
    return out;
  }

  private final class Week {
    long records, requests, total, generated, cacheRead, tiny, night, gapCount, preSnapshot;
    double gapSum, gapSquares;
    final BitSet hours = new BitSet(7 * 24);
    final long[] dayTokens = new long[7];
    final Map<String, Integer> hashCounts = new HashMap<>();
    long hashed;
    final long[] dayRecords = new long[7];
    final boolean[] daySubstantial = new boolean[7];
    long preRecords, shaped, spaced, tinyTokens;
    final List<java.util.Set<String>> daySessions = new ArrayList<>(java.util.Collections.nCopies(7, null));
    final java.util.Set<String> preSessions = new java.util.HashSet<>();
    final Map<String, Boolean> toolSubstantial = new HashMap<>();
    final Map<String, Integer> shapes = new HashMap<>();
    final Map<Integer, Long> bands = new HashMap<>();
  }

  private List<WeekFeatures> personFeatures(String person) {
    List<long[]> rows = usageByPerson.get(person);
    rows.sort(Comparator.comparingLong((long[] a) -> a[MICROS]));
    Map<Long, String> hs = hashes.getOrDefault(person, Map.of());
    Map<Long, String> ts = tools.getOrDefault(person, Map.of());
    Map<Long, String> ss = sessions.getOrDefault(person, Map.of());
    TreeMap<LocalDate, Week> weeks = new TreeMap<>();
    long prev = Long.MIN_VALUE;
    Map<String, Long> prevByTool = new HashMap<>();
    for (long[] r : rows) {
      Instant t = Instant.ofEpochSecond(Math.floorDiv(r[MICROS], 1_000_000L), Math.floorMod(r[MICROS], 1_000_000L) * 1000);
      LocalDateTime local = LocalDateTime.ofInstant(t, config.zone());
      LocalDate week = GuardWeeks.mondayOf(local.toLocalDate());
      Week w = weeks.computeIfAbsent(week, k -> new Week());
      w.records++;
      w.requests += r[REQUESTS];
      w.total += r[TOTAL];
      w.generated += r[GENERATED];
      w.cacheRead += r[CACHE_READ];
      boolean tiny = r[GENERATED] <= config.tinyOutputTokens();
      if (tiny) {
        w.tiny++;
        w.tinyTokens += r[TOTAL];
      }
      String session = ss.get(r[SEQ]);
      int day = local.getDayOfWeek().getValue() - 1;
      w.dayRecords[day]++;
      if (session != null) {
        if (w.daySessions.get(day) == null) w.daySessions.set(day, new java.util.HashSet<>());
        w.daySessions.get(day).add(session);
      }
      if (!tiny) w.daySubstantial[day] = true;
      w.toolSubstantial.merge(ts.get(r[SEQ]), !tiny, Boolean::logicalOr);
      if (r[INPUT] + r[CACHE_READ] > 0) {
        w.shaped++;
        w.shapes.merge(r[INPUT] + ":" + r[CACHE_READ], 1, Integer::sum);
      }
      w.hours.set(day * 24 + local.getHour());
      w.dayTokens[day] += r[TOTAL];
      if (config.isNight(local.getHour())) w.night++;
      if (GuardWeeks.beforeSnapshot(local, config.snapshotDay(), config.snapshotWindowHours())) {
        w.preSnapshot += r[TOTAL];
        w.preRecords++;
        if (session != null) w.preSessions.add(session);
      }
      if (prev != Long.MIN_VALUE) {
        double gap = (r[MICROS] - prev) / 1e6;
        if (gap <= config.maxGapSeconds()) {
          w.gapCount++;
          w.gapSum += gap;
          w.gapSquares += gap * gap;
        }
      }
      Long prevTool = prevByTool.put(ts.get(r[SEQ]), r[MICROS]);
      if (prevTool != null) {
        double gap = (r[MICROS] - prevTool) / 1e6;
        if (gap >= config.regularMinGapSeconds() && gap <= config.regularMaxGapSeconds()) {
          w.spaced++;
          w.bands.merge(Substance.band(gap), 1L, Long::sum);
        }
      }
      prev = r[MICROS];
      String h = hs.get(r[SEQ]);
      if (h != null) {
        w.hashed++;
        w.hashCounts.merge(h, 1, Integer::sum);
      }
    }
    List<WeekFeatures> out = new ArrayList<>();
    weeks.forEach((week, w) -> out.add(build(person, week, w)));
    return out;
  }

  private WeekFeatures build(String person, LocalDate week, Week w) {
    int maxInDay = 0;
    for (int d = 0; d < 7; d++) maxInDay = Math.max(maxInDay, w.hours.get(d * 24, d * 24 + 24).cardinality());
    long repeated = 0;
    double sumClnC = 0;
    for (int c : w.hashCounts.values()) {
      if (c >= config.repeatMinCount()) repeated += c;
      sumClnC += c * Math.log(c);
    }
    double entropy = w.hashed == 0 ? 0 : (Math.log(w.hashed) - sumClnC / w.hashed) / Math.log(2);
    double[] o = outcomes.getOrDefault(person + "\u0000" + week, new double[6]);
    int hollow = 0;
    for (int d = 0; d < 7; d++) if (w.dayRecords[d] > 0 && !w.daySubstantial[d]) hollow++;
    int thin = (int) w.toolSubstantial.values().stream().filter(b -> !b).count();
    long repeatedShapes = w.shapes.values().stream().filter(c -> c >= config.repeatMinCount()).mapToLong(c -> c).sum();
    long regular = 0;
    int band = -1;
    for (Map.Entry<Integer, Long> e : new TreeMap<>(w.bands).entrySet()) {
      long pair = e.getValue() + w.bands.getOrDefault(e.getKey() + 1, 0L);
      if (pair > regular) {
        regular = pair;
        band = e.getKey();
      }
    }
    long[] daySessions = new long[7];
    for (int d = 0; d < 7; d++) daySessions[d] = w.daySessions.get(d) == null ? 0 : w.daySessions.get(d).size();
    Substance substance = new Substance(w.dayRecords, hollow, w.preRecords, w.toolSubstantial.size(), thin,
        w.shaped, repeatedShapes, w.spaced, regular, band, w.tinyTokens, daySessions, w.preSessions.size());
    return new WeekFeatures(person, week, w.records, w.requests, w.total, w.generated, w.cacheRead,
        w.tiny, w.hours.cardinality(), maxInDay, w.night, w.gapCount, w.gapSum, w.gapSquares, w.hashed,
        w.hashCounts.size(), repeated, Math.max(0, entropy), Arrays.copyOf(w.dayTokens, 7), w.preSnapshot,
        o[0], o[1], o[2], o[3], o[4], o[5], substance);
  }
}
