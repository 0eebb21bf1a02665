package io.tokenmaxx.bench.guard.redteam;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Ways to climb a leaderboard without the work it is meant to reward, each a script with
 * {@link Params}: what the script sends in one week it runs. The person's honest habits
 * ({@link Person#honest()}) run beside it when {@link Params#mix()} says so.
 */
enum Strategy {
  /** An agent loop that never stops: a step every few minutes, day and night, on a growing cached context. */
  LOOP_24_7(Honest.REGULAR) {
    @Override void week(Writer w, LocalDate monday, Person p, Params q) {
      String tool = tool(p, q);
      Instant t = w.at(monday, w.rnd.nextDouble());
      Instant end = w.at(monday.plusDays(7), 0);
      String session = w.newSession(tool);
      long context = 20_000;
      while (t.isBefore(end)) {
        long out = 20 + w.rnd.nextInt(280);
        w.request(t, tool, session, 50 + w.rnd.nextInt(250), (long) (context * q.volume()), out);
        context = context > 150_000 ? 20_000 : context + out + w.rnd.nextInt(2_000);
        t = t.plus(Writer.jittered(w.rnd, 240 / q.pace(), q.jitter()));
      }
    }
  },
  /** One short prompt replayed through office hours on most weekdays, answered with a few tokens, no cache. */
  REPLAY(Honest.REGULAR) {
    @Override void week(Writer w, LocalDate monday, Person p, Params q) {
      String tool = tool(p, q);
      long prompt = Math.max(1, Math.round((12 + p.id().hashCode() % 30 + 30) * q.volume()));
      for (int d = 0; d < 5; d++) {
        if (w.rnd.nextDouble() > 0.85) continue;
        LocalDate day = monday.plusDays(d);
        Instant t = w.at(day, 8.75 + w.rnd.nextDouble() * 0.5);
        Instant end = w.at(day, 17.5);
        while (t.isBefore(end)) {
          w.request(t, tool, prompt, 0, 1 + w.rnd.nextInt(5));
          t = t.plus(Writer.jittered(w.rnd, 2_400 / q.pace(), q.jitter()));
        }
      }
    }
  },
  /** An otherwise light user firing scripted single-turn sessions on Friday afternoon, before the snapshot. */
  SNAPSHOT_BURST(Honest.LIGHT) {
    @Override void week(Writer w, LocalDate monday, Person p, Params q) {
      String tool = tool(p, q);
      LocalDate friday = monday.with(DayOfWeek.FRIDAY);
      Instant t = w.at(friday, 13 + w.rnd.nextDouble() * 2.5);
      int n = (int) Math.round(30 * q.volume());
      for (int i = 0; i < n; i++) {
        w.request(t, tool, 300 + w.rnd.nextInt(2_700), 0, 30 + w.rnd.nextInt(370));
        t = t.plus(Writer.jittered(w.rnd, 360 / q.pace(), q.jitter()));
      }
    }
  },
  /** A cron job that pings every day, weekends too, to farm active days. */
  CRON_PING(Honest.LIGHT) {
    @Override void week(Writer w, LocalDate monday, Person p, Params q) {
      String tool = tool(p, q);
      int slots = Math.max(1, (int) Math.round(2 * q.pace()));
      int repeats = Math.max(1, (int) Math.round(q.volume()));
      long prompt = 8 + Math.floorMod(p.id().hashCode(), 20);
      for (int d = 0; d < 7; d++) {
        LocalDate day = monday.plusDays(d);
        for (int s = 0; s < slots; s++) {
          double hour = 9 + s * (8.0 / slots) + (w.rnd.nextDouble() * 2 - 1) * q.jitter() * 4;
          Instant t = w.at(day, hour);
          for (int r = 0; r < repeats; r++) w.request(t.plusSeconds(r * 20L), tool, prompt, 0, 1 + w.rnd.nextInt(8));
        }
      }
    }
  },
  /** An agent left running unattended overnight and at weekends, looping on its growing context. */
  AGENT_LEFT_RUNNING(Honest.REGULAR) {
    @Override void week(Writer w, LocalDate monday, Person p, Params q) {
      String tool = tool(p, q);
      for (int d = 0; d < 7; d++) {
        if (w.rnd.nextDouble() > 0.6) continue;
        LocalDate day = monday.plusDays(d);
        boolean weekend = d >= 5;
        Instant t = w.at(day, weekend ? 8 + w.rnd.nextDouble() * 4 : 18.5 + w.rnd.nextDouble() * 2);
        Instant end = t.plusSeconds((long) ((8 + w.rnd.nextDouble() * 6) * 3600));
        long context = 30_000;
        String session = w.newSession(tool);
        while (t.isBefore(end)) {
          long out = w.rnd.nextDouble() < 0.7 ? 5 + w.rnd.nextInt(45) : 50 + w.rnd.nextInt(350);
          w.request(t, tool, session, 5 + w.rnd.nextInt(200), (long) (context * q.volume()), out);
          context = context > 160_000 ? 30_000 : context + out + w.rnd.nextInt(1_500);
          t = t.plus(Writer.jittered(w.rnd, 45 / q.pace(), Math.max(q.jitter(), 0.3)));
        }
      }
    }
  },
  /** Huge pasted contexts with nothing asked of them: tokens and spend without work. */
  VOLUME_PADDING(Honest.REGULAR) {
    @Override void week(Writer w, LocalDate monday, Person p, Params q) {
      String tool = tool(p, q);
      for (int d = 0; d < 5; d++) {
        if (w.rnd.nextDouble() > 0.85) continue;
        LocalDate day = monday.plusDays(d);
        int n = (int) Math.round(40 * q.volume());
        Instant t = w.at(day, 9 + w.rnd.nextDouble());
        for (int i = 0; i < n; i++) {
          w.request(t, tool, 80_000 + w.rnd.nextInt(110_000), 0, 5 + w.rnd.nextInt(55));
          t = t.plusSeconds((long) (-Math.log(1 - w.rnd.nextDouble()) * 480 / q.pace()) + 5);
        }
      }
    }
  },
  /** Touches many tools with a throwaway request or two each, to top the tools-explored ranking. */
  MULTI_TOOL_PADDING(Honest.REGULAR) {
    @Override void week(Writer w, LocalDate monday, Person p, Params q) {
      Set<String> extra = new LinkedHashSet<>();
      int want = 3 + (int) Math.round(2 * q.volume());
      for (int i = 0; extra.size() < Math.min(want, Writer.TOOLS.length - 1) && i < 100; i++) {
        String t = Writer.TOOLS[w.rnd.nextInt(Writer.TOOLS.length)];
        if (!t.equals(p.tool())) extra.add(t);
      }
      for (String tool : extra) {
        int n = Math.max(1, (int) Math.round((1 + w.rnd.nextInt(2)) * q.pace()));
        LocalDate day = monday.plusDays(w.rnd.nextInt(5));
        Instant t = w.at(day, 9 + w.rnd.nextDouble() * 8);
        for (int i = 0; i < n; i++) {
          w.request(t, tool, 5 + w.rnd.nextInt(30), 0, 2 + w.rnd.nextInt(28));
          t = t.plus(Writer.jittered(w.rnd, 90, q.jitter()));
        }
      }
    }
  };

  /** The honest habits of the people who use this strategy. */
  final Honest base;

  Strategy(Honest base) {
    this.base = base;
  }

  abstract void week(Writer w, LocalDate monday, Person p, Params q);

  static String tool(Person p, Params q) {
    return q.ownTool() ? "api" : p.tool();
  }

  String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
