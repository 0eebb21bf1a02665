package io.tokenmaxx.server.checkin;

import io.tokenmaxx.analyze.LeaderboardAdjustment;
import io.tokenmaxx.analyze.page.Period;
import io.tokenmaxx.analyze.store.PersonStats;
import io.tokenmaxx.checkin.CheckinCalendar;
import io.tokenmaxx.checkin.CheckinStore;
import io.tokenmaxx.guard.FlagFilter;
import io.tokenmaxx.guard.FlagStore;
import io.tokenmaxx.guard.GuardFlag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The leaderboard adjustments of check-ins and the guard: leave flagged people out of the ranking,
 * or rank by what came of the usage (outcomes and check-ins) instead of its volume.
 */
public final class CheckinRanking {
  public static final String EXCLUDE_FLAGGED = "exclude-flagged";
  public static final String QUALITY_ADJUSTED = "quality-adjusted";
  public static final String DEMOTE_FLAGGED = "demote-flagged";
  /** Quality points a weekly check-in is worth: sharing what worked counts like a couple of commits. */
  static final int CHECKIN_POINTS = 2;

  private final CheckinStore checkins;
  private final FlagStore flags;

  public CheckinRanking(CheckinStore checkins, FlagStore flags) {
    this.checkins = checkins;
    this.flags = flags;
  }

  private static LocalDate firstWeek(Period p) {
    return CheckinCalendar.week(p.from());
  }

  private static LocalDate endWeek(Period p) {
    return CheckinCalendar.week(p.to()).plusWeeks(1);
  }

  /** Open flagged weeks per person in the period. */
  Map<String, Integer> flaggedWeeks(Period p, Set<String> people) {
    Map<String, Integer> out = new HashMap<>();
    for (GuardFlag f : flags.list(new FlagFilter(firstWeek(p), endWeek(p), GuardFlag.Status.OPEN, people))) {
      out.merge(f.person(), 1, Integer::sum);
    }
    return out;
  }

  public LeaderboardAdjustment excludeFlagged() {
    return new LeaderboardAdjustment() {
      @Override public String key() { return EXCLUDE_FLAGGED; }
      @Override public String label() { return "Exclude flagged"; }
      @Override public String description() {
        return "leave out people with a week the Goodhart guard flagged in the period (open flags)";
      }
      @Override public List<PersonStats> adjust(List<PersonStats> ranked, Period period) {
        Map<String, Integer> flagged = flaggedWeeks(period, Set.of());
        return ranked.stream().filter(s -> !flagged.containsKey(s.person())).toList();
      }
    };
  }

  /**
   * Keeps everyone, but ranks people with an open flag in the period below everyone without one
   * (each group in its own order), so a flagged week never lifts anyone above an unflagged person.
   */
  public LeaderboardAdjustment demoteFlagged() {
    return new LeaderboardAdjustment() {
      @Override public String key() { return DEMOTE_FLAGGED; }
      @Override public String label() { return "Flagged last"; }
      @Override public String description() {
        return "rank people with a week the Goodhart guard flagged in the period (open flags) below everyone "
            + "without one, marked with the flag";
      }
      @Override public boolean ranksItself() { return true; }
      @Override public List<PersonStats> adjust(List<PersonStats> ranked, Period period) {
        Map<String, Integer> flagged = flaggedWeeks(period, Set.of());
        List<PersonStats> clean = LeaderboardAdjustment.rerank(
            ranked.stream().filter(s -> !flagged.containsKey(s.person())).toList());
        List<PersonStats> marked = LeaderboardAdjustment.rerank(
            ranked.stream().filter(s -> flagged.containsKey(s.person())).toList());
        List<PersonStats> out = new ArrayList<>(clean);
        for (PersonStats s : marked) {
          out.add(new PersonStats(s.person(), s.tokens(), s.cost(), s.records(), s.activeDays(), s.tools(), s.models(),
              s.commits(), s.pullRequests(), s.linesAdded(), s.linesRemoved(), s.editsAccepted(), s.editsRejected(),
              s.activeSecondsUser(), s.activeSecondsAgent(), s.value(), s.rank() + clean.size()));
        }
        return out;
      }
    };
  }

  public LeaderboardAdjustment qualityAdjusted() {
    return new LeaderboardAdjustment() {
      @Override public String key() { return QUALITY_ADJUSTED; }
      @Override public String label() { return "Quality-adjusted"; }
      @Override public String description() {
        return "rank by what came of the usage, not its volume: commits + pull requests + " + CHECKIN_POINTS
            + " per weekly check-in, scaled down by the share of the period's weeks that were flagged";
      }
      @Override public List<PersonStats> adjust(List<PersonStats> ranked, Period period) {
        Map<String, Integer> flagged = flaggedWeeks(period, Set.of());
        Map<String, Set<LocalDate>> wrote = checkins.participation(firstWeek(period), endWeek(period));
        long weeks = Math.max(1, ChronoUnit.WEEKS.between(firstWeek(period), endWeek(period)));
        List<PersonStats> out = new ArrayList<>();
        for (PersonStats s : ranked) {
          double points = s.commits() + s.pullRequests() + CHECKIN_POINTS * wrote.getOrDefault(s.person(), Set.of()).size();
          double clean = 1 - Math.min(weeks, flagged.getOrDefault(s.person(), 0)) / (double) weeks;
          out.add(LeaderboardAdjustment.withValue(s, BigDecimal.valueOf(points * clean).setScale(2, RoundingMode.HALF_UP)));
        }
        return out;
      }
    };
  }
}
