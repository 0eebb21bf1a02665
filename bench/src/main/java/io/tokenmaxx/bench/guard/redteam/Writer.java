package io.tokenmaxx.bench.guard.redteam;

import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Writes one person's records the way agents and scripts leave them: interactive sessions (agent
 * steps seconds apart, human pauses between turns, a context that grows and is read from the
 * cache), single requests, and outcomes. No prompt hashes: the red team assumes the default of
 * storing no prompt text, so detection must work without them.
 */
final class Writer {
  static final String[] TOOLS = {"claude-code", "codex", "gemini-cli", "cursor", "copilot", "opencode", "qwen-code", "api"};

  final String person;
  final ZoneId zone;
  final SplittableRandom rnd;
  private final Consumer<UsageRecord> usage;
  private final Consumer<OutcomeRecord> outcomes;
  private long seq;

  Writer(String person, ZoneId zone, SplittableRandom rnd, Consumer<UsageRecord> usage, Consumer<OutcomeRecord> outcomes) {
    this.person = person;
    this.zone = zone;
    this.rnd = rnd;
    this.usage = usage;
    this.outcomes = outcomes;
  }

  Instant at(LocalDate day, double hour) {
    long seconds = Math.round(hour * 3600);
    return day.atStartOfDay(zone).toInstant().plusSeconds(seconds);
  }

  Instant at(LocalDate day, LocalTime time) {
    return day.atTime(time).atZone(zone).toInstant();
  }

  private long sessions;

  /** A new session id for an agent session or a one-shot command ({@code claude -p}); scripts calling an API directly have none. */
  String newSession(String tool) {
    return "api".equals(tool) ? null : person + ":s" + (sessions++);
  }

  /** A one-shot request in a session of its own. */
  void request(Instant t, String tool, long input, long cacheRead, long output) {
    request(t, tool, newSession(tool), input, cacheRead, output);
  }

  void request(Instant t, String tool, String session, long input, long cacheRead, long output) {
    usage.accept(UsageRecord.builder().id("rt:" + person + ":" + (seq++)).timestamp(t).source("red-team").tool(tool)
        .provider("anthropic").model("claude-sonnet-4-5").person(person).sessionId(session)
        .inputTokens(input).cacheReadTokens(cacheRead).outputTokens(output).requests(1).build());
  }

  /** A substantive answer or agent step: mostly hundreds of tokens, now and then a short tool call. */
  long answer() {
    return rnd.nextDouble() < 0.25 ? 15 + rnd.nextInt(60) : (long) (120 * Math.exp(rnd.nextDouble() * 2.8));
  }

  /**
   * An interactive session from {@code start}: {@code turns} human turns, each followed by one to
   * a dozen agent steps seconds apart; the context grows and is read from the cache.
   *
   * @return when it ended
   */
  Instant session(Instant start, String tool, int turns, double contextScale) {
    Instant t = start;
    String session = newSession(tool);
    long context = (long) ((8_000 + rnd.nextInt(12_000)) * contextScale);
    for (int turn = 0; turn < turns; turn++) {
      int steps = 1 + rnd.nextInt(12);
      for (int s = 0; s < steps; s++) {
        long out = answer();
        request(t, tool, session, 1 + rnd.nextInt(400), context, out);
        context += out + rnd.nextInt((int) Math.max(2, 3_000 * contextScale));
        t = t.plusMillis(2_000 + rnd.nextInt(38_000));
      }
      t = t.plusSeconds(20 + (long) (Math.exp(rnd.nextDouble() * 3) * 20));
    }
    return t;
  }

  /** Sessions spread over a working day between {@code fromHour} and {@code toHour}. */
  void workday(LocalDate day, double fromHour, double toHour, int sessions, int turns, String tool, double contextScale) {
    for (int i = 0; i < sessions; i++) {
      double h = fromHour + rnd.nextDouble() * (toHour - fromHour);
      session(at(day, h), tool, Math.max(1, turns / 2 + rnd.nextInt(Math.max(1, turns))), contextScale);
    }
  }

  void outcome(LocalDate day, OutcomeKind kind, double value) {
    if (value <= 0) return;
    outcomes.accept(new OutcomeRecord("rto:" + person + ":" + (seq++), at(day, 17.5), "red-team", null, kind, value,
        person, null, null, null, null));
  }

  /** Commits (and now and then a pull request) for an engineer's working day. */
  void commits(LocalDate day, double perDay) {
    int c = (int) Math.round(perDay * (0.5 + rnd.nextDouble()));
    outcome(day, OutcomeKind.COMMIT, c);
    if (rnd.nextDouble() < perDay / 8) outcome(day, OutcomeKind.PULL_REQUEST, 1);
  }

  static Duration jittered(SplittableRandom rnd, double seconds, double jitter) {
    double j = (rnd.nextDouble() * 2 - 1) * jitter * seconds;
    return Duration.ofMillis(Math.max(1_000, Math.round((seconds + j) * 1000)));
  }
}
