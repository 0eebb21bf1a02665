package io.tokenmaxx.bench.guard.redteam;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Honest people, including the heavy and odd ones a guard is tempted to flag (the hard
 * negatives): each writes one ordinary week. {@link Person#leave} weeks are empty.
 */
enum Honest {
  /** Office hours on most weekdays, a few sessions a day, commits. */
  REGULAR {
    @Override void week(Writer w, LocalDate monday, Person p) {
      for (int d = 0; d < 5; d++) {
        if (w.rnd.nextDouble() > 0.85) continue;
        LocalDate day = monday.plusDays(d);
        w.workday(day, 9, 17.5, 1 + w.rnd.nextInt(4), 6, p.tool(), 1);
        if (p.engineer()) w.commits(day, 2);
      }
    }
  },
  /** Long days, many sessions, some weekend work, lots of output and commits. */
  POWER_USER {
    @Override void week(Writer w, LocalDate monday, Person p) {
      for (int d = 0; d < 7; d++) {
        if (d >= 5 && w.rnd.nextDouble() > 0.35) continue;
        LocalDate day = monday.plusDays(d);
        w.workday(day, 7.5, 21, 4 + w.rnd.nextInt(6), 12, w.rnd.nextDouble() < 0.8 ? p.tool() : p.second(), 1.5);
        w.commits(day, 5);
      }
    }
  },
  /** Ordinary days plus a nightly job on weekdays, every few minutes like clockwork, with real answers. */
  BATCH_JOBS {
    @Override void week(Writer w, LocalDate monday, Person p) {
      REGULAR.week(w, monday, p);
      double period = p.batchPeriodSeconds();
      for (int d = 0; d < 5; d++) {
        LocalDate day = monday.plusDays(d);
        var t = w.at(day, 1.0 + w.rnd.nextDouble() * 0.05);
        var end = w.at(day, 5.0);
        while (t.isBefore(end)) {
          w.request(t, "api", null, 3_000 + w.rnd.nextInt(27_000), 0, 200 + w.rnd.nextInt(1_300));
          t = t.plus(Writer.jittered(w.rnd, period, 0.01));
        }
      }
    }
  },
  /** On call at night: shifts from the evening into the morning, pages at any hour. */
  NIGHT_SHIFT {
    @Override void week(Writer w, LocalDate monday, Person p) {
      for (int d = 0; d < 7; d++) {
        if (w.rnd.nextDouble() > 0.65) continue;
        LocalDate day = monday.plusDays(d);
        w.workday(day, 21, 30, 2 + w.rnd.nextInt(4), 8, p.tool(), 1);
        for (int page = w.rnd.nextInt(3); page > 0; page--) w.session(w.at(day, w.rnd.nextDouble() * 24), p.tool(), 2, 1);
        w.commits(day, 1);
      }
    }
  },
  /** Huge contexts (whole repositories, long documents) with substantial answers: heavy volume, real work. */
  BIG_CONTEXT {
    @Override void week(Writer w, LocalDate monday, Person p) {
      for (int d = 0; d < 5; d++) {
        if (w.rnd.nextDouble() > 0.8) continue;
        LocalDate day = monday.plusDays(d);
        w.workday(day, 9, 18, 2 + w.rnd.nextInt(3), 8, p.tool(), 12);
        if (p.engineer()) w.commits(day, 1.5);
      }
    }
  },
  /** Tries many tools in a week, a few real requests in each, often without commits. */
  EXPLORER {
    @Override void week(Writer w, LocalDate monday, Person p) {
      for (int d = 0; d < 5; d++) {
        if (w.rnd.nextDouble() > 0.8) continue;
        LocalDate day = monday.plusDays(d);
        w.workday(day, 9, 18, 1 + w.rnd.nextInt(3), 5, p.tool(), 1);
        int others = w.rnd.nextInt(3);
        for (int i = 0; i < others; i++) {
          String tool = Writer.TOOLS[w.rnd.nextInt(Writer.TOOLS.length)];
          w.session(w.at(day, 9 + w.rnd.nextDouble() * 9), tool, 1 + w.rnd.nextInt(2), 0.5);
        }
        if (p.engineer()) w.commits(day, 1);
      }
    }
  },
  /** Away for weeks, then back: catching up in the first week back. */
  BACK_FROM_LEAVE {
    @Override void week(Writer w, LocalDate monday, Person p) {
      boolean firstBack = p.leave().contains(monday.minusWeeks(1));
      int sessions = firstBack ? 5 : 3;
      for (int d = 0; d < 5; d++) {
        LocalDate day = monday.plusDays(d);
        if (day.getDayOfWeek() == DayOfWeek.MONDAY && firstBack) continue;
        w.workday(day, 8.5, firstBack ? 20 : 17.5, 1 + w.rnd.nextInt(sessions), 8, p.tool(), 1);
        if (p.engineer()) w.commits(day, 2);
      }
    }
  },
  /** A few short sessions on a couple of days. */
  LIGHT {
    @Override void week(Writer w, LocalDate monday, Person p) {
      for (int d = 0; d < 5; d++) {
        if (w.rnd.nextDouble() > 0.45) continue;
        LocalDate day = monday.plusDays(d);
        w.workday(day, 9, 17.5, 1 + w.rnd.nextInt(2), 2, p.tool(), 0.6);
        if (p.engineer() && w.rnd.nextDouble() < 0.5) w.commits(day, 1);
      }
    }
  };

  abstract void week(Writer w, LocalDate monday, Person p);

  String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
