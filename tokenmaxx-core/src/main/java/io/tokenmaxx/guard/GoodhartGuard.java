package io.tokenmaxx.guard;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides which person-weeks look like usage inflated for its own sake, and says why. Pure: the
 * same features, check-ins and config always give the same flags. Each signal compares a
 * measurement with a threshold of {@link GuardConfig}; volume and yield are compared with the
 * organization's robust baseline over the trailing {@link GuardConfig#baselineWeeks()}, spikes with
 * the person's own. Signal weights add up; a score of {@link GuardConfig#flagScore()} flags.
 */
public final class GoodhartGuard {
  private final GuardConfig config;
  private final SubstanceSignals substance;

  public GoodhartGuard(GuardConfig config) {
    this.config = config;
    this.substance = new SubstanceSignals(config);
  }

  public GuardConfig config() {
    return config;
  }

  /**
   * Flags for the weeks in {@code [fromWeek, toWeek)}. {@code features} should also hold the
   * {@link GuardConfig#baselineWeeks()} weeks before {@code fromWeek}, which form the baselines.
   *
   * @param checkedIn person-weeks with a check-in
   * @param now       the detection time recorded on each flag
   */
  public List<GuardFlag> evaluate(List<WeekFeatures> features, Set<PersonWeek> checkedIn,
      LocalDate fromWeek, LocalDate toWeek, Instant now) {
    TreeMap<LocalDate, List<WeekFeatures>> byWeek = new TreeMap<>();
    Map<String, TreeMap<LocalDate, WeekFeatures>> byPerson = new HashMap<>();
    for (WeekFeatures f : features) {
      byWeek.computeIfAbsent(f.week(), k -> new ArrayList<>()).add(f);
      byPerson.computeIfAbsent(f.person(), k -> new TreeMap<>()).put(f.week(), f);
    }
    List<GuardFlag> flags = new ArrayList<>();
    Map<LocalDate, OrgBaseline> baselines = new HashMap<>();
    for (WeekFeatures f : features) {
      if (f.week().isBefore(fromWeek) || !f.week().isBefore(toWeek)) continue;
      OrgBaseline org = baselines.computeIfAbsent(f.week(), w -> {
        List<WeekFeatures> window = new ArrayList<>();
        byWeek.subMap(w.minusWeeks(config.baselineWeeks() - 1L), true, w, true).values().forEach(window::addAll);
        return OrgBaseline.of(window, config.minRecords());
      });
      boolean checked = checkedIn.contains(new PersonWeek(f.person(), f.week()));
      GuardFlag flag = judge(f, org, byPerson.get(f.person()), checked, now);
      if (flag != null) flags.add(flag);
    }
    flags.sort(Comparator.comparing(GuardFlag::week).thenComparing(GuardFlag::person));
    return flags;
  }

  /** The flag for one person-week, or null when nothing (or too little) fired. */
  GuardFlag judge(WeekFeatures f, OrgBaseline org, TreeMap<LocalDate, WeekFeatures> history,
      boolean checkedIn, Instant now) {
    List<SignalHit> hits = new ArrayList<>(substance.hits(f, org, history, checkedIn));
    if (f.records() >= config.minRecords()) volumeSignals(f, org, history, checkedIn, hits);
    double score = score(hits);
    if (score + 1e-9 < config.flagScore()) return null;
    return flag(f, org, checkedIn, now, hits, score);
  }

  /**
   * Sum of the signals' weights, where signals that read the same evidence (the two timing
   * signals) count once, with the larger weight.
   */
  static double score(List<SignalHit> hits) {
    Map<String, Double> byFamily = new HashMap<>();
    for (SignalHit h : hits) byFamily.merge(h.signal().family(), h.weight(), Math::max);
    return byFamily.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** The signals that need a substantial week ({@link GuardConfig#minRecords()}): timing, volume, yield. */
  private void volumeSignals(WeekFeatures f, OrgBaseline org, TreeMap<LocalDate, WeekFeatures> history,
      boolean checkedIn, List<SignalHit> hits) {
    double z = org.volumeZ(f);
    double yield = OrgBaseline.yield(f);
    double factor = f.totalTokens() / org.medianTokens();
    boolean heavy = factor >= config.volumeMinFactor();

    double cv = f.gapCv();
    if (f.gapCount() >= config.cadenceMinGaps() && cv <= config.cadenceMaxCv()) {
      hits.add(hit(Signal.MACHINE_CADENCE, String.format(Locale.ROOT,
          "%d gaps between requests averaging %.1f s vary by only %.1f%% (threshold %.0f%%)",
          f.gapCount(), f.meanGapSeconds(), cv * 100, config.cadenceMaxCv() * 100),
          ev("gapCv", cv, "maxCv", config.cadenceMaxCv(), "gaps", f.gapCount(), "meanGapSeconds", f.meanGapSeconds())));
    }
    if (f.maxHoursInADay() >= config.clockMaxHoursInADay() || f.activeHourShare() >= config.clockWeekShare()) {
      hits.add(hit(Signal.ROUND_THE_CLOCK, String.format(Locale.ROOT,
          "active in %d of 168 hours (%.0f%%), up to %d hours in one day (thresholds %.0f%%, %d hours)",
          f.activeHours(), f.activeHourShare() * 100, f.maxHoursInADay(), config.clockWeekShare() * 100,
          config.clockMaxHoursInADay()),
          ev("activeHours", f.activeHours(), "maxHoursInADay", f.maxHoursInADay(),
              "weekShareThreshold", config.clockWeekShare(), "hoursInADayThreshold", config.clockMaxHoursInADay())));
    }
    if (f.hashedRecords() >= config.repetitionMinRecords() && f.repeatedShare() >= config.repetitionMinShare()) {
      hits.add(hit(Signal.REPETITION, String.format(Locale.ROOT,
          "%.0f%% of %d prompts were repeats (hash seen %d+ times); %d distinct prompts, entropy %.1f bits (%.0f%% of max)",
          f.repeatedShare() * 100, f.hashedRecords(), config.repeatMinCount(), f.distinctHashes(),
          f.hashEntropyBits(), f.normalizedHashEntropy() * 100),
          ev("repeatedShare", f.repeatedShare(), "minShare", config.repetitionMinShare(),
              "hashedRecords", f.hashedRecords(), "distinctHashes", f.distinctHashes(),
              "entropyBits", f.hashEntropyBits(), "normalizedEntropy", f.normalizedHashEntropy())));
    }
    if (f.records() >= config.repetitionMinRecords() && f.tinyOutputShare() >= config.loopMinTinyShare()
        && f.cacheReadPerGenerated() >= config.loopMinCacheRatio()) {
      hits.add(hit(Signal.CACHE_LOOP, String.format(Locale.ROOT,
          "%.0f%% of %d requests generated <= %d tokens while reading %.0f cached tokens per generated token",
          f.tinyOutputShare() * 100, f.records(), config.tinyOutputTokens(), f.cacheReadPerGenerated()),
          ev("tinyShare", f.tinyOutputShare(), "minTinyShare", config.loopMinTinyShare(),
              "cacheReadPerGenerated", f.cacheReadPerGenerated(), "minCacheRatio", config.loopMinCacheRatio())));
    }
    boolean lowYield = Double.isFinite(org.medianYield()) && yield < config.lowYieldFactor() * org.medianYield();
    if (heavy && lowYield) {
      Signal s = checkedIn ? Signal.LOW_YIELD : Signal.VOLUME_WITHOUT_OUTCOMES;
      hits.add(hit(s, String.format(Locale.ROOT,
          "%s tokens (%.1fx the organization's median week) with %.0f commits and %.0f pull requests: %.2f outcome units per 10M tokens, "
              + "organization median %.2f%s", human(f.totalTokens()), factor, f.commits(), f.pullRequests(), yield,
          org.medianYield(), checkedIn ? "; explained in a check-in" : "; no check-in"),
          ev("tokens", f.totalTokens(), "volumeFactor", factor, "minFactor", config.volumeMinFactor(), "volumeZ", z, "yield", yield,
              "orgMedianYield", org.medianYield(), "lowYieldFactor", config.lowYieldFactor(), "checkedIn", checkedIn)));
    }
    SignalHit spike = spike(f, org, history);
    if (spike != null) hits.add(spike);
    double headless = f.headlessShare();
    if (!Double.isNaN(headless) && headless >= config.headlessMinShare()
        && f.activeSecondsCli() / 3600 >= config.headlessMinHours()) {
      hits.add(hit(Signal.HEADLESS, String.format(Locale.ROOT,
          "%.0f%% of %.0f agent hours unattended (Claude Code active time cli vs user)",
          headless * 100, (f.activeSecondsCli() + f.activeSecondsUser()) / 3600),
          ev("headlessShare", headless, "cliHours", f.activeSecondsCli() / 3600, "userHours", f.activeSecondsUser() / 3600,
              "minShare", config.headlessMinShare(), "minHours", config.headlessMinHours())));
    }
  }

  private GuardFlag flag(WeekFeatures f, OrgBaseline org, boolean checkedIn, Instant now, List<SignalHit> hits,
      double score) {
    double z = org.volumeZ(f);
    double yield = OrgBaseline.yield(f);
    double factor = f.totalTokens() / org.medianTokens();
    hits.sort(Comparator.comparingDouble(SignalHit::weight).reversed());
    Map<String, Object> measures = new LinkedHashMap<>();
    measures.put("records", f.records());
    measures.put("requests", f.requests());
    measures.put("tokens", f.totalTokens());
    measures.put("volumeFactor", round(factor));
    measures.put("volumeZ", round(z));
    measures.put("orgMedianTokens", Math.round(org.medianTokens()));
    measures.put("commits", f.commits());
    measures.put("pullRequests", f.pullRequests());
    measures.put("yield", round(yield));
    measures.put("orgMedianYield", round(org.medianYield()));
    measures.put("checkedIn", checkedIn);
    measures.put("gapCv", round(f.gapCv()));
    measures.put("activeHours", f.activeHours());
    measures.put("repeatedShare", round(f.repeatedShare()));
    measures.put("tinyOutputShare", round(f.tinyOutputShare()));
    measures.put("nightShare", round(f.nightShare()));
    measures.put("preSnapshotShare", round(f.preSnapshotShare()));
    measures.put("activeDays", f.substance().activeDays());
    measures.put("hollowDays", f.substance().hollowDays());
    measures.put("tools", f.substance().tools());
    measures.put("regularShare", round(f.substance().regularShare()));
    measures.put("repeatedShapeShare", round(f.substance().repeatedShapeShare()));
    return new GuardFlag(f.person(), f.week(), score, hits, measures, now, GuardFlag.Status.OPEN, null, null, null);
  }

  /**
   * Pre-snapshot volume against the person's own usual rate: tokens per day in the window before
   * the snapshot over tokens per day on the other days of their recent weeks (idle days count).
   */
  private SignalHit spike(WeekFeatures f, OrgBaseline org, TreeMap<LocalDate, WeekFeatures> history) {
    if (f.preSnapshotTokens() < org.medianTokens() || f.preSnapshotShare() < config.spikeMinShare()) return null;
    Set<Integer> windowDays = windowDays();
    double outside = 0;
    int days = 0;
    int activeDays = 0;
    for (WeekFeatures h : history.subMap(f.week().minusWeeks(config.baselineWeeks()), true, f.week(), true).values()) {
      for (int d = 0; d < 7; d++) {
        if (windowDays.contains(d)) continue;
        outside += h.dayTokens(d);
        days++;
        if (h.dayTokens(d) > 0) activeDays++;
      }
    }
    if (activeDays < 3) return null;
    double usualDay = outside / days;
    double windowDayRate = f.preSnapshotTokens() / (config.snapshotWindowHours() / 24.0);
    double ratio = windowDayRate / usualDay;
    if (ratio < config.spikeMinRatio()) return null;
    return hit(Signal.SNAPSHOT_SPIKE, String.format(Locale.ROOT,
        "%s tokens in the %d hours before the %s 00:00 snapshot (%.0f%% of the week): %.1fx the person's usual %s per day",
        human(f.preSnapshotTokens()), config.snapshotWindowHours(),
        config.snapshotDay().name().toLowerCase(Locale.ROOT), f.preSnapshotShare() * 100, ratio, human((long) usualDay)),
        ev("preSnapshotTokens", f.preSnapshotTokens(), "preSnapshotShare", f.preSnapshotShare(),
            "usualDayTokens", usualDay, "ratio", ratio, "minRatio", config.spikeMinRatio(),
            "baselineDays", days, "baselineActiveDays", activeDays));
  }

  /** Day indexes (0 = Monday) that overlap the window before the snapshot. */
  Set<Integer> windowDays() {
    return GuardWeeks.windowDays(config.snapshotDay(), config.snapshotWindowHours());
  }

  private static SignalHit hit(Signal s, String summary, Map<String, Object> evidence) {
    return new SignalHit(s, s.weight(), summary, evidence);
  }

  private static Map<String, Object> ev(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      Object v = kv[i + 1];
      m.put((String) kv[i], v instanceof Double d ? round(d) : v);
    }
    return m;
  }

  static Object round(double d) {
    if (!Double.isFinite(d)) return null;
    return Math.round(d * 1000) / 1000.0;
  }

  static String human(long tokens) {
    if (tokens >= 1_000_000) return String.format(Locale.ROOT, "%.1fM", tokens / 1e6);
    if (tokens >= 1_000) return String.format(Locale.ROOT, "%.1fk", tokens / 1e3);
    return Long.toString(tokens);
  }
}
