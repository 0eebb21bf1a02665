package io.tokenmaxx.guard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The signals that look at what a week's leaderboard measures are made of rather than at its
 * volume: active days and tools earned with near-empty requests, one prompt shape replayed,
 * requests spaced by a timer (at any pace, jittered or not), a burst before the snapshot against
 * the person's own usual days, and activity with nothing to show. They judge light weeks too: the
 * cheapest way to climb a ranking by active days costs almost no tokens.
 */
final class SubstanceSignals {
  private final GuardConfig config;

  SubstanceSignals(GuardConfig config) {
    this.config = config;
  }

  List<SignalHit> hits(WeekFeatures f, OrgBaseline org, TreeMap<LocalDate, WeekFeatures> history, boolean checkedIn) {
    List<SignalHit> hits = new ArrayList<>();
    Substance s = f.substance();
    int tiny = config.tinyOutputTokens();
    int active = s.activeDays();
    if (s.hollowDays() >= config.hollowMinDays()) {
      hits.add(hit(Signal.HOLLOW_DAYS, String.format(Locale.ROOT,
          "%d of %d active days had only near-empty requests (none generated more than %d tokens): "
              + "the days count as active, no work shows", s.hollowDays(), active, tiny),
          ev("hollowDays", s.hollowDays(), "activeDays", active, "tinyOutputTokens", tiny,
              "minDays", config.hollowMinDays())));
    }
    if (s.thinTools() >= config.thinMinTools()) {
      hits.add(hit(Signal.THIN_TOOLS, String.format(Locale.ROOT,
          "%d of %d tools were used only for near-empty requests (none generated more than %d tokens): "
              + "tried in name only", s.thinTools(), s.tools(), tiny),
          ev("thinTools", s.thinTools(), "tools", s.tools(), "minTools", config.thinMinTools())));
    }
    boolean enough = f.records() >= config.emptyMinRecords();
    double tinyShare = f.tinyOutputShare();
    if (enough && tinyShare >= config.emptyMinShare()) {
      hits.add(hit(Signal.NEAR_EMPTY, String.format(Locale.ROOT,
          "%.0f%% of %d requests generated %d tokens or fewer (%s generated in the whole week)",
          tinyShare * 100, f.records(), tiny, GoodhartGuard.human(f.generatedTokens())),
          ev("tinyShare", tinyShare, "records", f.records(), "minShare", config.emptyMinShare())));
    }
    double factor = f.totalTokens() / org.medianTokens();
    double paddedShare = f.totalTokens() == 0 ? 0 : (double) s.tinyTokens() / f.totalTokens();
    if (enough && s.tinyTokens() >= 0.5 * org.medianTokens() && paddedShare >= config.paddingMinShare()) {
      hits.add(hit(Signal.PADDED_VOLUME, String.format(Locale.ROOT,
          "%s of the week's %s tokens (%.0f%%; %.1fx the organization's usual week in all) went into requests that "
              + "generated %d tokens or fewer: tokens sent, not work done", GoodhartGuard.human(s.tinyTokens()),
          GoodhartGuard.human(f.totalTokens()), paddedShare * 100, factor, tiny),
          ev("tinyTokens", s.tinyTokens(), "tokens", f.totalTokens(), "share", paddedShare,
              "orgMedianTokens", org.medianTokens(), "minShare", config.paddingMinShare())));
    }
    if (s.repeatedShapes() >= config.shapeMinRecords()) {
      hits.add(hit(Signal.REPEATED_SHAPE, String.format(Locale.ROOT,
          "%d of %d requests had exactly the same input size (fresh and cached tokens) as at least %d others: "
              + "the same prompt, replayed", s.repeatedShapes(), s.shapedRecords(), config.repeatMinCount() - 1),
          ev("repeatedShapes", s.repeatedShapes(), "shapedRecords", s.shapedRecords(),
              "minRecords", config.shapeMinRecords())));
    }
    if (s.spacedGaps() >= config.regularMinGaps() && s.regularShare() >= config.regularMinShare()) {
      double lo = Substance.bandStart(s.regularBand());
      double hi = Substance.bandStart(s.regularBand() + 2);
      hits.add(hit(Signal.REGULAR_INTERVALS, String.format(Locale.ROOT,
          "%d of %d pauses between requests from one tool lasted between %s and %s: a timer's rhythm, not a person's",
          s.regularGaps(), s.spacedGaps(), duration(lo), duration(hi)),
          ev("regularGaps", s.regularGaps(), "spacedGaps", s.spacedGaps(), "fromSeconds", lo, "toSeconds", hi,
              "minShare", config.regularMinShare())));
    }
    SignalHit burst = burst(f, history);
    if (burst != null) hits.add(burst);
    boolean orgRecordsOutcomes = Double.isFinite(org.medianYield());
    if (orgRecordsOutcomes && !checkedIn && f.outcomeUnits() == 0 && active >= 4) {
      hits.add(hit(Signal.NO_OUTCOMES, String.format(Locale.ROOT,
          "active on %d days with %s tokens, and no commit, pull request or check-in this week "
              + "(others in the organization record them)", active, GoodhartGuard.human(f.totalTokens())),
          ev("activeDays", active, "tokens", f.totalTokens(), "outcomeUnits", 0, "checkedIn", false)));
    }
    return hits;
  }

  /**
   * Requests in the window before the snapshot against the person's own usual day: records per
   * active day in the window over records per active day outside it, this week and the
   * {@link GuardConfig#baselineWeeks()} before.
   */
  private SignalHit burst(WeekFeatures f, TreeMap<LocalDate, WeekFeatures> history) {
    Set<Integer> windowDays = GuardWeeks.windowDays(config.snapshotDay(), config.snapshotWindowHours());
    Substance s = f.substance();
    SignalHit byRecords = burst(f, history, windowDays, "requests", s.preSnapshotRecords(), f.records(),
        config.burstMinRecords(), w -> w.substance().dayRecords());
    return byRecords != null ? byRecords : burst(f, history, windowDays, "sessions", s.preSnapshotSessions(),
        s.sessionDays(), config.burstMinSessions(), w -> w.substance().daySessions());
  }

  private SignalHit burst(WeekFeatures f, TreeMap<LocalDate, WeekFeatures> history, Set<Integer> windowDays,
      String what, long window, long week, int min, java.util.function.Function<WeekFeatures, long[]> perDay) {
    if (window < min || window < config.burstMinShare() * week) return null;
    long[] today = perDay.apply(f);
    int windowActive = 0;
    for (int d : windowDays) if (today[d] > 0) windowActive++;
    long outside = 0;
    int activeDays = 0;
    for (WeekFeatures h : history.subMap(f.week().minusWeeks(config.baselineWeeks()), true, f.week(), true).values()) {
      long[] days = perDay.apply(h);
      for (int d = 0; d < 7; d++) {
        if (windowDays.contains(d) || days[d] == 0) continue;
        outside += days[d];
        activeDays++;
      }
    }
    if (activeDays < 3) return null;
    double usual = (double) outside / activeDays;
    double inWindow = (double) window / Math.max(1, windowActive);
    double ratio = inWindow / usual;
    if (ratio < config.burstMinRatio()) return null;
    return hit(Signal.SNAPSHOT_BURST, String.format(Locale.ROOT,
        "%d %s in the %d hours before the %s 00:00 snapshot: %.0f per active day against the person's usual %.1f "
            + "(%.1fx, from %d active days of their recent weeks)",
        window, what, config.snapshotWindowHours(), config.snapshotDay().name().toLowerCase(Locale.ROOT),
        inWindow, usual, ratio, activeDays),
        ev("measure", what, "window", window, "windowActiveDays", windowActive, "usualPerActiveDay", usual,
            "ratio", ratio, "minRatio", config.burstMinRatio(), "baselineActiveDays", activeDays));
  }

  static String duration(double seconds) {
    if (seconds < 90) return String.format(Locale.ROOT, "%.0f s", seconds);
    if (seconds < 5400) return String.format(Locale.ROOT, "%.1f min", seconds / 60);
    return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
  }

  private static SignalHit hit(Signal s, String summary, Map<String, Object> evidence) {
    return new SignalHit(s, s.weight(), summary, evidence);
  }

  private static Map<String, Object> ev(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      Object v = kv[i + 1];
      m.put((String) kv[i], v instanceof Double d ? GoodhartGuard.round(d) : v);
    }
    return m;
  }
}
