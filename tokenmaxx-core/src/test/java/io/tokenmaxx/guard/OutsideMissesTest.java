package io.tokenmaxx.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.model.UsageRecord;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two gamers an outside data set slipped past the guard, rebuilt from their description:
 * agent logs only (no outcomes, no check-ins, no prompt hashes, as {@code tokenmaxx push} sends
 * them), 8 weeks, among honest agent users. Written here, apart from the demo and red-team
 * generators.
 */
class OutsideMissesTest {
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final LocalDate FIRST = LocalDate.of(2026, 9, 7);
  static final int WEEKS = 8;
  static final GuardConfig CONFIG = GuardConfig.defaults().withZone(ZONE);

  /** Writes one person's records into the feature extractor. */
  static final class Person {
    final String id;
    final SplittableRandom rnd;
    final List<UsageRecord> out = new ArrayList<>();
    int seq, sessions;

    Person(String id, long seed) {
      this.id = id;
      this.rnd = new SplittableRandom(seed);
    }

    Instant at(LocalDate day, double hour) {
      return day.atStartOfDay(ZONE).toInstant().plusSeconds(Math.round(hour * 3600));
    }

    void request(Instant t, String session, long input, long cacheRead, long output) {
      out.add(UsageRecord.builder().id(id + ":" + seq++).timestamp(t).source("claude-code-logs").tool("claude-code")
          .model("claude-sonnet-4-5").person(id).sessionId(session).inputTokens(input).cacheReadTokens(cacheRead)
          .outputTokens(output).build());
    }

    /** An agent session: a growing cached context, steps seconds apart, a person's pauses between turns. */
    void session(Instant t, int turns) {
      String s = id + ":s" + sessions++;
      long context = 10_000 + rnd.nextInt(20_000);
      for (int turn = 0; turn < turns; turn++) {
        for (int step = 1 + rnd.nextInt(10); step > 0; step--) {
          long output = rnd.nextDouble() < 0.2 ? 10 + rnd.nextInt(60) : (long) (100 * Math.exp(rnd.nextDouble() * 3));
          request(t, s, 2 + rnd.nextInt(300), context, output);
          context += output + rnd.nextInt(2_500);
          t = t.plusSeconds(3 + rnd.nextInt(40));
        }
        t = t.plusSeconds(30 + rnd.nextInt(400));
      }
    }

    void honestWeek(LocalDate monday, double dayChance, int maxSessions) {
      for (int d = 0; d < 5; d++) {
        if (rnd.nextDouble() > dayChance) continue;
        for (int n = 1 + rnd.nextInt(maxSessions); n > 0; n--) {
          session(at(monday.plusDays(d), 9 + rnd.nextDouble() * 8.5), 2 + rnd.nextInt(8));
        }
      }
    }
  }

  record Org(List<WeekFeatures> features, Set<PersonWeek> gamed) {
    Set<PersonWeek> flagged() {
      Set<PersonWeek> out = new HashSet<>();
      new GoodhartGuard(CONFIG).evaluate(features, Set.of(), FIRST, FIRST.plusWeeks(WEEKS), Instant.EPOCH)
          .forEach(f -> out.add(f.key()));
      return out;
    }
  }

  static Org org(long seed, Person gamer, Set<LocalDate> gamedWeeks) {
    List<WeekFeatures> features = new ArrayList<>();
    for (int i = 0; i < 47; i++) {
      Person p = new Person("honest" + i, seed * 1000 + i);
      for (int k = 0; k < WEEKS; k++) p.honestWeek(FIRST.plusWeeks(k), i % 3 == 0 ? 0.5 : 0.9, i % 3 == 0 ? 2 : 4);
      features.addAll(features(p));
    }
    features.addAll(features(gamer));
    Set<PersonWeek> gamed = new HashSet<>();
    gamedWeeks.forEach(w -> gamed.add(new PersonWeek(gamer.id, w)));
    return new Org(features, gamed);
  }

  static List<WeekFeatures> features(Person p) {
    FeatureExtractor x = new FeatureExtractor(CONFIG, null, null);
    p.out.forEach(x::accept);
    return x.features();
  }

  static void assertCaughtAndHonestLeftAlone(Org org, Signal expected) {
    Set<PersonWeek> flagged = org.flagged();
    assertThat(flagged).as("every gamed week is flagged").containsAll(org.gamed());
    long honestWeeks = org.features().stream().filter(f -> f.person().startsWith("honest")).count();
    long honestFlagged = flagged.stream().filter(k -> k.person().startsWith("honest")).count();
    assertThat(honestFlagged).as("honest person-weeks flagged, of %d", honestWeeks).isLessThanOrEqualTo(honestWeeks / 50);
    List<GuardFlag> flags = new GoodhartGuard(CONFIG).evaluate(org.features(), Set.of(), FIRST, FIRST.plusWeeks(WEEKS), Instant.EPOCH);
    GuardFlag one = flags.stream().filter(f -> org.gamed().contains(f.key())).findFirst().orElseThrow();
    assertThat(one.signals()).extracting(SignalHit::signal).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void aShortPromptReplayedEveryFortyMinutesThroughOfficeHours(long seed) {
    Person gamer = new Person("replay", seed);
    Set<LocalDate> gamed = new HashSet<>();
    for (int k = 0; k < WEEKS; k++) {
      LocalDate monday = FIRST.plusWeeks(k);
      gamed.add(monday);
      for (int d = 0; d < 5; d++) {
        if (gamer.rnd.nextDouble() < 0.2) continue; // most weekdays
        Instant t = gamer.at(monday.plusDays(d), 8.8 + gamer.rnd.nextDouble() * 0.4);
        Instant end = gamer.at(monday.plusDays(d), 17.5);
        while (t.isBefore(end)) {
          gamer.request(t, "replay:" + gamer.seq, 24, 0, 1 + gamer.rnd.nextInt(5));
          t = t.plusSeconds(40 * 60 + gamer.rnd.nextInt(361) - 180); // 40 min +/- 3 min
        }
      }
    }
    Org all = org(seed, gamer, gamed);
    Org org = new Org(all.features(), new HashSet<>(all.gamed().stream()
        .filter(k -> all.features().stream().anyMatch(f -> f.person().equals("replay") && f.week().equals(k.week()))).toList()));
    assertCaughtAndHonestLeftAlone(org, Signal.HOLLOW_DAYS);
    GuardFlag flag = new GoodhartGuard(CONFIG).evaluate(org.features(), Set.of(), FIRST, FIRST.plusWeeks(WEEKS), Instant.EPOCH)
        .stream().filter(f -> f.person().equals("replay")).findFirst().orElseThrow();
    SignalHit regular = flag.signals().stream().filter(h -> h.signal() == Signal.REGULAR_INTERVALS).findFirst().orElseThrow();
    assertThat(regular.summary()).as("the evidence names the rhythm").containsPattern("between 3\\d\\.\\d min and [45]\\d\\.\\d min");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void aLightUserFiringThirtyScriptedSessionsOnFridayAfternoon(long seed) {
    Person gamer = new Person("friday", seed);
    Set<LocalDate> gamed = new HashSet<>();
    for (int k = 0; k < WEEKS; k++) {
      LocalDate monday = FIRST.plusWeeks(k);
      gamer.honestWeek(monday, 0.5, 2); // otherwise light
      if (k < 2) continue; // the script starts in the third week
      gamed.add(monday);
      Instant t = gamer.at(monday.with(DayOfWeek.FRIDAY), 14 + gamer.rnd.nextDouble());
      for (int i = 0; i < 30; i++) {
        gamer.request(t, "friday:script" + k + ":" + i, 400 + gamer.rnd.nextInt(1_500), 0, 30 + gamer.rnd.nextInt(300));
        t = t.plusSeconds(6 * 60 + gamer.rnd.nextInt(41) - 20);
      }
    }
    Org org = org(seed, gamer, gamed);
    assertCaughtAndHonestLeftAlone(org, Signal.SNAPSHOT_BURST);
    GuardFlag flag = new GoodhartGuard(CONFIG).evaluate(org.features(), Set.of(), FIRST, FIRST.plusWeeks(WEEKS), Instant.EPOCH)
        .stream().filter(f -> f.person().equals("friday")).findFirst().orElseThrow();
    assertThat(flag.signals().stream().filter(h -> h.signal() == Signal.SNAPSHOT_BURST).findFirst().orElseThrow().summary())
        .contains("sessions in the 48 hours before the saturday 00:00 snapshot").contains("the person's usual");
  }
}
