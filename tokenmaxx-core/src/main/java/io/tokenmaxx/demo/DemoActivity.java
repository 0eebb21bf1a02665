package io.tokenmaxx.demo;

import static io.tokenmaxx.demo.ToolProfile.around;

import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.Sources;
import io.tokenmaxx.model.UsageRecord;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HexFormat;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Generates the usage and outcomes of one {@link DemoPerson}, day by day, deterministically.
 * Ordinary personas work in office hours with human gaps between requests and produce outcomes in
 * proportion to their agent use; burners produce the patterns the Goodhart guard looks for.
 */
public final class DemoActivity {
  private static final HexFormat HEX = HexFormat.of();

  private final DemoSpec spec;

  public DemoActivity(DemoSpec spec) {
    this.spec = spec;
  }

  /**
   * Streams everything the person did into the sink.
   *
   * @return the Monday-starting weeks (in the organization's zone) in which the person burned
   *     tokens — the ground truth for detection; empty for everyone but burners
   */
  public Set<LocalDate> generate(DemoPerson p, DemoSink sink) {
    Set<LocalDate> burnWeeks = new TreeSet<>();
    if (p.adoptedOn() == null) return burnWeeks;
    LocalDate first = p.adoptedOn().isAfter(spec.startDate()) ? p.adoptedOn() : spec.startDate();
    if (p.person().startDate() != null && p.person().startDate().isAfter(first)) {
      first = p.person().startDate();
    }
    // Burners start burning some weeks into the window; before that they look ordinary.
    SplittableRandom personRnd = new SplittableRandom(spec.seed() ^ (0x9E3779B97F4A7C15L * (p.index() + 1)));
    LocalDate burnFrom = p.persona().burner()
        ? first.plusDays(personRnd.nextInt(Math.max(1, (int) (spec.endDate().toEpochDay() - first.toEpochDay()) / 2 + 1)))
        : LocalDate.MAX;
    int loopCadence = 30 + personRnd.nextInt(40);
    String loopHash = HEX.formatHex(longBytes(personRnd.nextLong()));
    Day day = new Day(p, sink);
    for (LocalDate d = first; !d.isAfter(spec.endDate()); d = d.plusDays(1)) {
      day.reset(d, new SplittableRandom(spec.seed() * 31 + p.index() * 100_003L + d.toEpochDay()));
      boolean burning = !d.isBefore(burnFrom);
      switch (p.persona()) {
        case NON_USER -> { }
        case LIGHT -> day.ordinary(0.25, 1, 1, 2, 8);
        case REGULAR -> day.ordinary(0.65, 1, 3, 5, 30);
        case POWER -> day.ordinary(0.9, 3, 6, 15, 70);
        case EXPLORER -> day.ordinary(0.6, 2, 4, 8, 35);
        case HEAVY_AGENT -> {
          day.ordinary(0.5, 1, 2, 5, 25);
          if (day.workday() && day.rnd.nextDouble() < 0.8) day.longAgentRuns(1 + day.rnd.nextInt(3));
        }
        case HEAVY_BATCH -> {
          day.ordinary(0.6, 1, 2, 5, 25);
          if (day.workday()) day.batchNight(false);
        }
        case BURNER_LOOP -> {
          if (burning) {
            day.loop(loopCadence, loopHash);
            burnWeeks.add(day.week());
          } else {
            day.ordinary(0.65, 1, 3, 5, 30);
          }
        }
        case BURNER_REPLAY -> {
          day.ordinary(0.5, 1, 2, 5, 20);
          if (burning && day.workday() && day.rnd.nextDouble() < 0.85) {
            day.replay();
            burnWeeks.add(day.week());
          }
        }
        case BURNER_OVERNIGHT -> {
          day.ordinary(0.5, 1, 2, 5, 20);
          if (burning && day.rnd.nextDouble() < 0.9) {
            day.batchNight(true);
            burnWeeks.add(day.week());
          }
        }
        case BURNER_SPIKE -> {
          day.ordinary(0.65, 1, 3, 5, 30);
          if (burning && d.getDayOfWeek() == spec.snapshotDay().minus(1) && day.rnd.nextDouble() < 0.8) {
            day.spike();
            burnWeeks.add(day.week());
          }
        }
        case BURNER_JITTER -> {
          if (burning && day.rnd.nextDouble() < 0.9) {
            day.jitteredScript();
            burnWeeks.add(day.week());
          } else {
            day.ordinary(0.65, 1, 3, 5, 30);
          }
        }
        case RESEARCHER -> day.research();
        case ON_CALL -> {
          day.ordinary(0.65, 1, 3, 5, 30);
          if (day.onCallWeek()) day.paged(1 + day.rnd.nextInt(3));
        }
      }
      day.finishDay();
    }
    return burnWeeks;
  }

  private static byte[] longBytes(long v) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (i * 8));
    return b;
  }

  /** Generation state for one person-day. */
  private final class Day {
    final DemoPerson p;
    final DemoSink sink;
    final ZoneId zone;
    LocalDate date;
    SplittableRandom rnd;
    int seq;
    int agentSessions;
    int agentRequests;
    long attendedSeconds;
    long agentSeconds;
    int longRuns;
    int batchNights;

    Day(DemoPerson p, DemoSink sink) {
      this.p = p;
      this.sink = sink;
      this.zone = p.zone();
    }

    void reset(LocalDate d, SplittableRandom r) {
      date = d;
      rnd = r;
      seq = 0;
      agentSessions = 0;
      agentRequests = 0;
      attendedSeconds = 0;
      agentSeconds = 0;
      longRuns = 0;
      batchNights = 0;
    }

    boolean workday() {
      DayOfWeek w = date.getDayOfWeek();
      return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY;
    }

    LocalDate week() {
      return date.atStartOfDay(zone).withZoneSameInstant(spec.zone()).toLocalDate()
          .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    int scaled(int n) {
      return Math.max(1, (int) Math.round(n * spec.intensity()));
    }

    ToolProfile tool() {
      double r = rnd.nextDouble();
      if (p.persona() == Persona.EXPLORER) return ToolProfile.values()[rnd.nextInt(ToolProfile.values().length)];
      if (p.engineer()) {
        if (r < 0.55) return ToolProfile.CLAUDE_CODE;
        if (r < 0.77) return ToolProfile.CODEX;
        if (r < 0.85) return ToolProfile.GEMINI_CLI;
        if (r < 0.97) return ToolProfile.CHAT;
        return ToolProfile.API;
      }
      if (r < 0.82) return ToolProfile.CHAT;
      if (r < 0.88) return ToolProfile.API;
      if (r < 0.94) return ToolProfile.GEMINI_CLI;
      return ToolProfile.CLAUDE_CODE;
    }

    Instant at(double localHour) {
      int secs = (int) Math.max(0, Math.min(86_399, localHour * 3600));
      ZonedDateTime z = date.atTime(LocalTime.ofSecondOfDay(secs)).atZone(zone);
      return z.toInstant();
    }

    /** Office-hours sessions; {@code pActive} is the chance of any use on a workday. */
    void ordinary(double pActive, int minSessions, int maxSessions, int minReq, int maxReq) {
      double chance = workday() ? pActive : pActive * (p.persona() == Persona.POWER ? 0.25 : 0.08);
      if (rnd.nextDouble() >= chance) return;
      int sessions = minSessions + rnd.nextInt(maxSessions - minSessions + 1);
      for (int s = 0; s < sessions; s++) {
        ToolProfile tool = tool();
        double hour = 8.5 + rnd.nextDouble() * 9.5;
        int n = scaled(minReq + rnd.nextInt(maxReq - minReq + 1));
        double gap = tool == ToolProfile.CHAT ? 95 : 40;
        session(tool, at(hour), n, gap, 0.9, null, false);
      }
    }

    /** Long autonomous agent runs that end in real work. */
    void longAgentRuns(int runs) {
      for (int r = 0; r < runs; r++) {
        ToolProfile tool = rnd.nextDouble() < 0.7 ? ToolProfile.CLAUDE_CODE : ToolProfile.CODEX;
        session(tool, at(9 + rnd.nextDouble() * 7), scaled(80 + rnd.nextInt(170)), 14, 0.8, null, true);
        longRuns++;
      }
    }

    /** Night-time scheduled volume; {@code burner} = nothing comes of it. */
    void batchNight(boolean burner) {
      ToolProfile tool = burner ? ToolProfile.CLAUDE_CODE : (rnd.nextBoolean() ? ToolProfile.CLAUDE_CODE : ToolProfile.API);
      double start = burner ? 22 + rnd.nextDouble() : 1 + rnd.nextDouble();
      int n = scaled(burner ? 600 + rnd.nextInt(600) : 150 + rnd.nextInt(250));
      session(tool, at(start), n, burner ? 25 : 30, 0.35, null, true);
      if (!burner) batchNights++;
    }

    /** A script calling the model at a fixed cadence for the whole day. */
    void loop(int cadenceSeconds, String hash) {
      String sessionId = sessionId();
      Instant t = at(0);
      int n = scaled(86_400 / cadenceSeconds);
      for (int i = 0; i < n; i++) {
        emit(ToolProfile.CLAUDE_CODE, "claude-haiku-4-5", sessionId, t, 12 + rnd.nextInt(8),
            38_000 + rnd.nextInt(800), 0, 5 + rnd.nextInt(20), 0, hash, 400 + rnd.nextInt(60));
        t = t.plusMillis(cadenceSeconds * 1000L + rnd.nextInt(600) - 300);
      }
      agentSeconds += 86_400;
    }

    /** The same handful of prompts over and over. */
    void replay() {
      String[] hashes = new String[1 + rnd.nextInt(3)];
      for (int i = 0; i < hashes.length; i++) hashes[i] = HEX.formatHex(longBytes(rnd.nextLong()));
      int sessions = 2 + rnd.nextInt(2);
      for (int s = 0; s < sessions; s++) {
        session(ToolProfile.CLAUDE_CODE, at(9 + rnd.nextDouble() * 8),
            scaled(100 + rnd.nextInt(150)), 20, 0.5, hashes, false);
      }
    }

    /**
     * A script disguised as a person: random human-like gaps, a new prompt hash per request,
     * ordinary output sizes, from about 07:00 to 23:00 every day. Nothing comes of it.
     */
    void jitteredScript() {
      String sessionId = sessionId();
      Instant t = at(6.5 + rnd.nextDouble());
      Instant end = at(22.5 + rnd.nextDouble());
      while (t.isBefore(end)) {
        long output = around(rnd, 260);
        emit(ToolProfile.CLAUDE_CODE, "claude-sonnet-4-6", sessionId, t, around(rnd, 900),
            around(rnd, 42_000), around(rnd, 600), output, 0, HEX.formatHex(longBytes(rnd.nextLong())),
            400 + output * 12 + rnd.nextInt(800));
        t = t.plusMillis((long) (45_000 * Math.exp(0.9 * ToolProfile.gaussian(rnd))) + 2_000);
      }
      agentSeconds += java.time.Duration.between(at(7), end).getSeconds() / 3;
    }

    /** Research and analysis: long documents in, summaries out, through the API and chat. */
    void research() {
      double chance = workday() ? 0.85 : 0.1;
      if (rnd.nextDouble() >= chance) return;
      int sessions = 2 + rnd.nextInt(4);
      for (int s = 0; s < sessions; s++) {
        ToolProfile tool = rnd.nextDouble() < 0.6 ? ToolProfile.API : ToolProfile.CHAT;
        String sessionId = sessionId();
        String model = tool.model(rnd, false);
        Instant t = at(8.5 + rnd.nextDouble() * 9);
        int n = scaled(10 + rnd.nextInt(40));
        for (int i = 0; i < n; i++) {
          long output = around(rnd, 1_400);
          emit(tool, model, sessionId, t, around(rnd, 60_000), around(rnd, 20_000), 0, output,
              around(rnd, 600), HEX.formatHex(longBytes(rnd.nextLong())), 600 + output * 10 + rnd.nextInt(900));
          t = t.plusMillis((long) (120_000 * Math.exp(0.9 * ToolProfile.gaussian(rnd))) + 5_000);
        }
      }
    }

    /** About one week in four is an on-call week (the same for every day of that week). */
    boolean onCallWeek() {
      long w = week().toEpochDay() / 7;
      return new SplittableRandom(spec.seed() ^ (p.index() * 7_919L + w)).nextInt(4) == 0;
    }

    /** Pages at any hour: a short, attended agent session each that ends in a fix. */
    void paged(int pages) {
      for (int i = 0; i < pages; i++) {
        ToolProfile tool = rnd.nextDouble() < 0.7 ? ToolProfile.CLAUDE_CODE : ToolProfile.CODEX;
        session(tool, at(rnd.nextDouble() * 24), scaled(10 + rnd.nextInt(40)), 35, 0.9, null, false);
      }
    }

    /** A burst right before the leaderboard snapshot. */
    void spike() {
      double hour = 10 + rnd.nextDouble() * 5;
      for (int s = 0; s < 3; s++) {
        session(ToolProfile.CLAUDE_CODE, at(hour + s), scaled(200 + rnd.nextInt(300)), 8, 0.5, null, false);
      }
    }

    void session(ToolProfile tool, Instant start, int n, double medianGap, double gapSpread,
        String[] hashes, boolean autonomous) {
      String sessionId = sessionId();
      String model = tool.model(rnd, p.persona() == Persona.EXPLORER);
      Instant t = start;
      long busy = 0;
      for (int i = 0; i < n; i++) {
        double progress = (i + 1.0) / n;
        long input = around(rnd, tool.input);
        long cacheRead = tool.cacheRead == 0 ? 0 : around(rnd, tool.cacheRead * (0.3 + 0.7 * progress));
        long cacheWrite = tool.cacheWrite == 0 ? 0 : around(rnd, tool.cacheWrite * (i == 0 ? 3 : 0.3));
        long output = around(rnd, tool.output);
        long reasoning = tool.reasoning == 0 ? 0 : around(rnd, tool.reasoning);
        long latency = 400 + output * 12 + rnd.nextInt(800);
        String hash = hashes != null ? hashes[rnd.nextInt(hashes.length)]
            : HEX.formatHex(longBytes(rnd.nextLong()));
        emit(tool, model, sessionId, t, input, cacheRead, cacheWrite, output, reasoning, hash, latency);
        busy += latency;
        long gapMs = Math.max(latency + 500,
            (long) (medianGap * 1000 * Math.exp(gapSpread * ToolProfile.gaussian(rnd))));
        t = t.plusMillis(gapMs);
      }
      long span = t.getEpochSecond() - start.getEpochSecond();
      if (tool != ToolProfile.CHAT && tool != ToolProfile.API) {
        agentSessions++;
        agentRequests += n;
        agentSeconds += busy / 1000;
        if (!autonomous) attendedSeconds += (long) (span * (0.45 + 0.35 * rnd.nextDouble()));
        else attendedSeconds += span / 20;
      }
    }

    String sessionId() {
      return "s-" + p.index() + "-" + date.toEpochDay() + "-" + (seq++);
    }

    void emit(ToolProfile tool, String model, String sessionId, Instant t, long input,
        long cacheRead, long cacheWrite, long output, long reasoning, String hash, long latencyMs) {
      UsageRecord r = UsageRecord.builder()
          .id("demo:" + p.index() + ":" + date.toEpochDay() + ":" + (seq++))
          .timestamp(t)
          .source(Sources.DEMO)
          .tool(tool.tool)
          .provider(tool.provider(model))
          .model(model)
          .person(p.id())
          .identity(p.identityFor(tool.tool))
          .sessionId(sessionId)
          .project(p.engineer() ? project() : null)
          .inputTokens(input)
          .cacheReadTokens(cacheRead)
          .cacheWrite5mTokens(cacheWrite)
          .outputTokens(output)
          .reasoningTokens(reasoning)
          .requests(1)
          .latencyMs(latencyMs)
          .status(rnd.nextInt(100) == 0 ? UsageRecord.STATUS_ERROR : UsageRecord.STATUS_OK)
          .promptHash(hash)
          .build();
      sink.usage(r);
    }

    String project() {
      String team = p.person().team() == null ? "core" : p.person().team();
      return team.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "-service";
    }

    /** Outcomes of the day, in proportion to what was really done. */
    void finishDay() {
      if (agentSessions == 0 && batchNights == 0 && agentSeconds == 0) return;
      Instant end = at(18.5);
      RawIdentity gitId = p.identities().stream()
          .filter(i -> i.kind() == RawIdentity.Kind.GIT_EMAIL).findFirst().orElse(p.identities().getFirst());
      boolean burnerDay = agentSeconds > 0 && agentSessions == 0; // the loop leaves no session outcomes
      if (p.engineer() && !burnerDay) {
        double lambda = 0.55 * agentSessions + 2.0 * longRuns + 3.0 * batchNights;
        int commits = poisson(lambda);
        int prs = poisson(commits / 3.0 + longRuns * 0.6 + batchNights * 1.2);
        long added = 0;
        for (int i = 0; i < commits; i++) added += around(rnd, 60);
        outcome(OutcomeKind.COMMIT, commits, end, gitId);
        outcome(OutcomeKind.PULL_REQUEST, prs, end, gitId);
        outcome(OutcomeKind.LINES_ADDED, added, end, gitId);
        outcome(OutcomeKind.LINES_REMOVED, Math.round(added * (0.2 + 0.3 * rnd.nextDouble())), end, gitId);
        int edits = (int) Math.round(agentRequests * 0.2);
        int rejected = (int) Math.round(edits * (0.05 + 0.15 * rnd.nextDouble()));
        outcome(OutcomeKind.EDIT_ACCEPTED, edits - rejected, end, p.identityFor("claude-code"));
        outcome(OutcomeKind.EDIT_REJECTED, rejected, end, p.identityFor("claude-code"));
      }
      outcome(OutcomeKind.ACTIVE_SECONDS_USER, attendedSeconds, end, p.identityFor("claude-code"));
      outcome(OutcomeKind.ACTIVE_SECONDS_CLI, agentSeconds, end, p.identityFor("claude-code"));
      outcome(OutcomeKind.SESSION, agentSessions, end, p.identityFor("claude-code"));
    }

    void outcome(OutcomeKind kind, long value, Instant t, RawIdentity id) {
      if (value <= 0) return;
      sink.outcome(new OutcomeRecord("demo-o:" + p.index() + ":" + date.toEpochDay() + ":" + kind.label(),
          t, Sources.DEMO, p.engineer() ? "claude-code" : null, kind, value, p.id(), id, null,
          p.engineer() ? project() : null, null));
    }

    int poisson(double lambda) {
      if (lambda <= 0) return 0;
      double l = Math.exp(-Math.min(lambda, 30));
      int k = 0;
      double prod = rnd.nextDouble();
      while (prod > l) {
        k++;
        prod *= rnd.nextDouble();
      }
      return k;
    }
  }
}
