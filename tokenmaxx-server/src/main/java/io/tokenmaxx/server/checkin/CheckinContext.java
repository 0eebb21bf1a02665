package io.tokenmaxx.server.checkin;

import io.tokenmaxx.analyze.ContextColumn;
import io.tokenmaxx.analyze.LeaderboardContextProvider;
import io.tokenmaxx.analyze.page.Period;
import io.tokenmaxx.checkin.CheckinCalendar;
import io.tokenmaxx.checkin.CheckinStore;
import io.tokenmaxx.checkin.Streaks;
import io.tokenmaxx.guard.FlagFilter;
import io.tokenmaxx.guard.FlagStore;
import io.tokenmaxx.guard.GuardFlag;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Leaderboard context from check-ins and the guard: each ranked person's check-ins in the period,
 * their check-in streak at its end, and the weeks of the period the guard flagged (open flags).
 */
public final class CheckinContext implements LeaderboardContextProvider {
  public static final String CHECKINS = "checkins";
  public static final String STREAK = "checkin_streak";
  public static final String FLAGGED = "flagged_weeks";

  private final CheckinStore checkins;
  private final FlagStore flags;

  public CheckinContext(CheckinStore checkins, FlagStore flags) {
    this.checkins = checkins;
    this.flags = flags;
  }

  @Override
  public List<ContextColumn> columns() {
    return List.of(
        new ContextColumn(CHECKINS, "Check-ins", "weekly check-ins written in the period"),
        new ContextColumn(STREAK, "Streak", "consecutive weeks with a check-in, up to the period's last week"),
        new ContextColumn(FLAGGED, "Flagged weeks", "weeks of the period the Goodhart guard flagged (open flags; "
            + "what raised them is on the Flags page)"));
  }

  @Override
  public Map<String, Map<String, Object>> values(Collection<String> personIds, Period period) {
    Set<String> wanted = new HashSet<>(personIds);
    LocalDate firstWeek = CheckinCalendar.week(period.from());
    LocalDate lastWeek = CheckinCalendar.week(period.to());
    Map<String, Set<LocalDate>> participation = checkins.participation(null, lastWeek.plusWeeks(1));
    Map<String, Set<LocalDate>> flagged = new HashMap<>();
    for (GuardFlag f : flags.list(new FlagFilter(firstWeek, lastWeek.plusWeeks(1), GuardFlag.Status.OPEN, wanted))) {
      flagged.computeIfAbsent(f.person(), k -> new TreeSet<>()).add(f.week());
    }
    Map<String, Map<String, Object>> out = new HashMap<>();
    for (String person : wanted) {
      Set<LocalDate> weeks = participation.getOrDefault(person, Set.of());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(CHECKINS, weeks.stream().filter(w -> !w.isBefore(firstWeek) && !w.isAfter(lastWeek)).count());
      m.put(STREAK, Streaks.of(weeks, lastWeek).currentStreak());
      m.put(FLAGGED, flagged.getOrDefault(person, Set.of()).size());
      out.put(person, m);
    }
    return out;
  }
}
