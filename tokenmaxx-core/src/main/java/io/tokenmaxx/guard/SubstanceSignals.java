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
    if (enough && factor >= config.volumeMinFactor() && tinyShare >= config.loopMinTinyShare()) {
      hits.add(hit(Signal.PADDED_VOLUME, String.format(Locale.ROOT,
          "%s tokens (%.1fx the organization's usual week), yet %.0f%% of the requests generated %d tokens or fewer: "
              + "%.0f tokens sent for every token produced", GoodhartGuard.human(f.totalTokens()), factor,
          tinyShare * 100, tiny, (double) f.totalTokens() / Math.max(1, f.generatedTokens())),
          ev("tokens", f.totalTokens(), "volumeFactor", factor, "tinyShare", tinyShare,
              "minFactor", config.volumeMinFactor(), "minTinyShare", config.loopMinTinyShare())));
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
    Substance s = f.substance();
    long window = s.preSnapshotRecords();
    if (window < config.burstMinRecords() || window < config.burstMinShare() * f.records()) return null;
    Set<Integer> windowDays = GuardWeeks.windowDays(config.snapshotDay(), config.snapshotWindowHours());
    int windowActive = 0;
    for (int d : windowDays) if (s.dayRecords(d) > 0) windowActive++;
    long outside = 0;
    int activeDays = 0;
    for (WeekFeatures h : history.subMap(f.week().minusWeeks(config.baselineWeeks()), true, f.week(), true).values()) {
      for (int d = 0; d < 7; d++) {
        if (windowDays.contains(d) || h.substance().dayRecords(d) == 0) continue;
        outside += h.substance().dayRecords(d);
        activeDays++;
      }
    }
    if (activeDays < 3) return null;
    double usual = (double) outside / activeDays;
    double inWindow = (double) window / Math.max(1, windowActive);
    double ratio = inWindow / usual;
    if (ratio < config.burstMinRatio()) return null;
    return hit(Signal.SNAPSHOT_BURST, String.format(Locale.ROOT,
        "%d requests in the %d hours before the %s 00:00 snapshot (%.0f%% of the week): %.0f per active day "
            + "against the person's usual %.1f (%.1fx, from %d active days of their recent weeks)",
        window, config.snapshotWindowHours(), config.snapshotDay().name().toLowerCase(Locale.ROOT),
        100.0 * window / f.records(), inWindow, usual, ratio, activeDays),
        ev("windowRecords", window, "windowActiveDays", windowActive, "usualPerActiveDay", usual, "ratio", ratio,
            "minRatio", config.burstMinRatio(), "baselineActiveDays", activeDays));
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
