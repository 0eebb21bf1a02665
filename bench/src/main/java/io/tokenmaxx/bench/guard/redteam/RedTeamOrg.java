package io.tokenmaxx.bench.guard.redteam;

import io.tokenmaxx.guard.FeatureExtractor;
import io.tokenmaxx.guard.GuardConfig;
import io.tokenmaxx.guard.PersonWeek;
import io.tokenmaxx.guard.WeekFeatures;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One red-team organization for a seed: {@value #PER_PERSONA} honest people per {@link Honest}
 * persona, and per {@link Strategy} {@value #DEFAULT_GAMERS} gamers at the default parameters and
 * {@value #SWEEP_GAMERS} at parameters drawn from the sweep grid. Gamers behave like their
 * strategy's honest base until the script starts (week 2 or 3), then run it in most weeks.
 * Written independently of the demo organization's generator, to measure the guard on behaviour
 * its thresholds were not designed beside.
 */
final class RedTeamOrg {
  static final int PER_PERSONA = 12;
  static final int DEFAULT_GAMERS = 3;
  static final int SWEEP_GAMERS = 6;
  static final int WEEKS = 8;
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final LocalDate FIRST_WEEK = LocalDate.of(2026, 9, 7);

  final long seed;
  final List<Person> people = new ArrayList<>();
  final List<WeekFeatures> features = new ArrayList<>();
  final Set<PersonWeek> checkedIn = new HashSet<>();
  long usageRecords;

  private RedTeamOrg(long seed) {
    this.seed = seed;
  }

  static LocalDate endWeek() {
    return FIRST_WEEK.plusWeeks(WEEKS);
  }

  /** Generates the organization and measures every person-week with {@code config}'s feature settings. */
  static RedTeamOrg generate(long seed, GuardConfig config) {
    RedTeamOrg org = new RedTeamOrg(seed);
    SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
    List<Params> grid = Params.grid();
    int n = 0;
    for (Honest h : Honest.values()) {
      for (int i = 0; i < PER_PERSONA; i++) org.people.add(person(rnd, "h" + (n++), h, null, null, false));
    }
    for (Strategy s : Strategy.values()) {
      for (int i = 0; i < DEFAULT_GAMERS; i++) org.people.add(person(rnd, "g" + (n++), s.base, s, Params.DEFAULT, false));
      for (int i = 0; i < SWEEP_GAMERS; i++) {
        org.people.add(person(rnd, "g" + (n++), s.base, s, grid.get(rnd.nextInt(grid.size())), true));
      }
    }
    for (Person p : org.people) org.write(p, config, new SplittableRandom(seed * 31 + p.id().hashCode()));
    return org;
  }

  private static Person person(SplittableRandom rnd, String id, Honest honest, Strategy s, Params q, boolean sweep) {
    String tool = Writer.TOOLS[rnd.nextInt(3)];
    String second = Writer.TOOLS[rnd.nextInt(Writer.TOOLS.length - 1)];
    Set<LocalDate> leave = new HashSet<>();
    if (honest == Honest.BACK_FROM_LEAVE && s == null) {
      int from = 1 + rnd.nextInt(3);
      int len = 2 + rnd.nextInt(2);
      for (int k = from; k < from + len; k++) leave.add(FIRST_WEEK.plusWeeks(k));
    }
    Set<LocalDate> gamed = new HashSet<>();
    if (s != null) {
      int start = 2 + rnd.nextInt(2);
      for (int k = start; k < WEEKS; k++) if (rnd.nextDouble() < 0.85) gamed.add(FIRST_WEEK.plusWeeks(k));
      if (gamed.isEmpty()) gamed.add(FIRST_WEEK.plusWeeks(WEEKS - 1));
    }
    return new Person(id, honest, s, q, tool, second, rnd.nextDouble() < 0.75, 300 + rnd.nextInt(900), leave, gamed, sweep);
  }

  private void write(Person p, GuardConfig config, SplittableRandom rnd) {
    FeatureExtractor x = new FeatureExtractor(config, null, null);
    Writer w = new Writer(p.id(), ZONE, rnd, r -> {
      usageRecords++;
      x.accept(r);
    }, x::accept);
    for (int k = 0; k < WEEKS; k++) {
      LocalDate monday = FIRST_WEEK.plusWeeks(k);
      if (p.leave().contains(monday)) continue;
      boolean gamed = p.gamed().contains(monday);
      if (!gamed || p.params().mix()) p.honest().week(w, monday, p);
      if (gamed) p.strategy().week(w, monday, p, p.params());
      if (rnd.nextDouble() < (p.gamer() ? 0.3 : 0.5)) checkedIn.add(new PersonWeek(p.id(), monday));
    }
    for (WeekFeatures f : x.features()) {
      if (!f.week().isBefore(FIRST_WEEK) && f.week().isBefore(endWeek())) features.add(f);
    }
  }
}
