package io.tokenmaxx.server.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenmaxx.model.UsageRecord;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Flags on a real server: a scripted loop is flagged with evidence, seen by whom it may be, reviewed by an admin. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class GuardApiTest {
  @TempDir static Path dir;
  CheckinServer s;

  @BeforeAll
  void start() throws Exception {
    s = new CheckinServer(dir, Instant.parse("2026-03-04T15:00:00Z"), Map.of());
    List<UsageRecord> usage = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(1);
    Instant t = Instant.parse("2026-03-02T05:00:00Z");
    for (int i = 0; i < 3000; i++) {
      usage.add(UsageRecord.builder().id("loop" + i).timestamp(t).source("test").tool("claude-code").person("dev1")
          .model("claude-haiku-4-5").inputTokens(15).cacheReadTokens(38_000).outputTokens(5 + rnd.nextInt(20))
          .promptHash("same-prompt").build());
      t = t.plusMillis(45_000 + rnd.nextInt(600) - 300);
    }
    Instant h = Instant.parse("2026-03-02T14:00:00Z");
    for (int i = 0; i < 300; i++) {
      usage.add(UsageRecord.builder().id("human" + i).timestamp(h).source("test").tool("claude-code").person("dev2")
          .inputTokens(300 + rnd.nextInt(1_200)).cacheReadTokens(30_000 + 700L * i).outputTokens(800 + rnd.nextInt(900))
          .promptHash("p" + i).build());
      h = h.plusSeconds(20 + rnd.nextInt(200));
    }
    s.assembly.store().usageConsumer().accept(usage);
  }

  @AfterAll
  void stop() {
    if (s != null) s.close();
  }

  @Test
  @org.junit.jupiter.api.Order(1)
  void aScriptedLoopIsFlaggedWithItsEvidenceAndReviewedByAnAdmin() throws Exception {
    HttpResponse<String> run = s.send("POST", "/api/v1/flags/run", s.admin, null);
    assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
    assertThat(CheckinServer.parse(run).get("flagged").asInt()).isEqualTo(1);
    assertThat(s.send("POST", "/api/v1/flags/run", s.tokens.get("mgr"), null).statusCode()).isEqualTo(403);

    JsonNode flags = s.json("/api/v1/flags?since=2026-03-01", s.admin);
    assertThat(flags.get("count").asInt()).isEqualTo(1);
    JsonNode f = flags.get("flags").get(0);
    assertThat(f.get("person").asText()).isEqualTo("dev1");
    assertThat(f.get("name").asText()).isEqualTo("Dana Dev");
    assertThat(f.get("week").asText()).isEqualTo("2026-03-02");
    List<String> signals = new ArrayList<>();
    f.get("signals").forEach(x -> signals.add(x.get("signal").asText()));
    assertThat(signals).contains("machine-cadence", "round-the-clock", "repetition", "cache-loop");
    JsonNode cadence = f.get("signals").get(signals.indexOf("machine-cadence"));
    assertThat(cadence.get("summary").asText()).contains("gaps between requests");
    assertThat(cadence.get("evidence").get("gapCv").asDouble()).isLessThan(0.05);

    assertThat(s.json("/api/v1/flags", s.tokens.get("mgr")).get("count").asInt()).as("manager of dev1").isEqualTo(1);
    assertThat(s.json("/api/v1/flags", s.tokens.get("dev1")).get("count").asInt()).as("their own").isEqualTo(1);
    assertThat(s.json("/api/v1/flags", s.tokens.get("dev2")).get("count").asInt()).isZero();
    assertThat(s.json("/api/v1/flags", s.tokens.get("ops1")).get("count").asInt()).isZero();
    assertThat(s.get("/api/v1/flags/dev1/2026-03-02", s.tokens.get("ops1")).statusCode()).isEqualTo(404);

    HttpResponse<String> noReason = s.send("POST", "/api/v1/flags/dev1/2026-03-02/dismiss", s.admin, "{}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("\"field\":\"reason\"");
    assertThat(s.send("POST", "/api/v1/flags/dev1/2026-03-02/dismiss", s.tokens.get("mgr"), "{\"reason\":\"x\"}").statusCode()).isEqualTo(403);
    HttpResponse<String> dismissed = s.send("POST", "/api/v1/flags/dev1/2026-03-04/dismiss", s.admin,
        "{\"reason\":\"load test of the new gateway, agreed with the team\"}");
    assertThat(dismissed.statusCode()).as(dismissed.body()).isEqualTo(200);
    JsonNode d = CheckinServer.parse(dismissed);
    assertThat(d.get("status").asText()).isEqualTo("dismissed");
    assertThat(d.get("reason").asText()).isEqualTo("load test of the new gateway, agreed with the team");

    // a later run keeps the dismissal and its reason
    s.send("POST", "/api/v1/flags/run?from=2026-03-02&to=2026-03-02", s.admin, null);
    JsonNode again = s.json("/api/v1/flags/dev1/2026-03-02", s.admin);
    assertThat(again.get("status").asText()).isEqualTo("dismissed");
    assertThat(s.json("/api/v1/flags?status=open", s.admin).get("count").asInt()).isZero();
    assertThat(s.json("/api/v1/guard", s.tokens.get("dev2")).get("thresholds").get("cadence.max-cv").asText()).isEqualTo("0.15");
    assertThat(s.get("/api/v1/flags?since=yesterday", s.admin).body()).contains("\"field\":\"since\"");
  }

  @Test
  @org.junit.jupiter.api.Order(2)
  void theLeaderboardCarriesContextAndCanExcludeFlaggedOrRankByQuality() throws Exception {
    s.send("POST", "/api/v1/flags/run?from=2026-03-02&to=2026-03-02", s.admin, null);
    s.send("POST", "/api/v1/flags/dev1/2026-03-02/reopen", s.admin, "{}");
    String base = "/api/v1/analytics/leaderboard?from=2026-03-01&to=2026-03-04&mode=named&measure=tokens";
    JsonNode board = s.json(base + "&adjust=none", s.admin);
    assertThat(board.toString()).contains("checkin_streak").contains("flagged_weeks");
    assertThat(people(board)).as("plain ranking by tokens").containsExactly("dev1", "dev2");
    assertThat(board.get("rows").get(0).get("context").get("flagged_weeks").asInt()).isEqualTo(1);
    assertThat(board.get("adjustments").size()).isZero();

    // without adjust the organization's rule applies: flagged people ranked last, still listed
    JsonNode byDefault = s.json(base, s.admin);
    assertThat(people(byDefault)).containsExactly("dev2", "dev1");
    assertThat(byDefault.get("adjustments").toString()).isEqualTo("[\"demote-flagged\"]");
    assertThat(byDefault.get("rows").get(1).get("rank").asInt()).isEqualTo(2);
    assertThat(byDefault.get("rows").get(1).get("context").get("flagged_weeks").asInt()).isEqualTo(1);
    // the weekly snapshot in the digest follows the same rule
    JsonNode snapshot = s.json("/api/v1/checkins/digest?week=2026-03-02", s.admin).get("leaderboard");
    assertThat(snapshot.get("rule").asText()).contains("ranked last");
    assertThat(snapshot.get("people").asInt()).isEqualTo(2);
    assertThat(snapshot.get("flagged").asInt()).as("the organization's count of flagged people").isEqualTo(1);
    for (JsonNode e : snapshot.get("top")) {
      assertThat(e.get("flagged").asBoolean()).as("no flag mark beside a pseudonym").isFalse();
      assertThat(e.has("personId")).isFalse();
    }
    // an admin picks another rule for the organization
    s.assembly.checkins().leaderboardRule().set("exclude-flagged");
    assertThat(s.json("/api/v1/checkins/digest?week=2026-03-02", s.admin).get("leaderboard").get("people").asInt())
        .as("the digest's snapshot leaves the flagged person out too").isEqualTo(1);
    assertThat(people(s.json(base, s.admin))).containsExactly("dev2");
    s.assembly.checkins().leaderboardRule().set("demote-flagged");

    JsonNode excluded = s.json(base + "&adjust=exclude-flagged", s.admin);
    assertThat(people(excluded)).containsExactly("dev2");
    assertThat(excluded.get("adjustments").toString()).isEqualTo("[\"exclude-flagged\"]");

    s.assembly.store().checkins().save(new io.tokenmaxx.checkin.CheckIn("ci-x", "dev1", java.time.LocalDate.of(2026, 3, 2),
        "t", "", "", "", null, null, null, null, io.tokenmaxx.checkin.Visibility.TEAM, "Payments", "Engineering",
        Instant.parse("2026-03-04T12:00:00Z"), Instant.parse("2026-03-04T12:00:00Z")));
    s.assembly.store().checkins().save(new io.tokenmaxx.checkin.CheckIn("ci-y", "dev2", java.time.LocalDate.of(2026, 3, 2),
        "t", "", "", "", null, null, null, null, io.tokenmaxx.checkin.Visibility.TEAM, "Payments", "Engineering",
        Instant.parse("2026-03-04T12:00:00Z"), Instant.parse("2026-03-04T12:00:00Z")));
    JsonNode quality = s.json(base + "&adjust=quality-adjusted", s.admin);
    assertThat(people(quality)).as("dev1 loses half: one of the two weeks flagged").containsExactly("dev2", "dev1");
    assertThat(quality.get("rows").get(0).get("value").asDouble()).isEqualTo(2.0);
    assertThat(quality.get("rows").get(1).get("value").asDouble()).as("2 points, one of the two weeks flagged").isEqualTo(1.0);

    HttpResponse<String> bad = s.get(base + "&adjust=most-tokens", s.admin);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("exclude-flagged").contains("quality-adjusted");
  }

  @Test
  @org.junit.jupiter.api.Order(3)
  void weeksThatReceiveOldDataAreScoredAgainBeyondTheLookback() throws Exception {
    s.send("POST", "/api/v1/flags/run", s.admin, null);
    assertThat(s.get("/api/v1/flags/dev2/2026-01-05", s.admin).statusCode()).isEqualTo(404);
    // a push of old logs: a replayed prompt every 40 minutes through office hours, eight weeks ago
    List<UsageRecord> old = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(7);
    for (int d = 0; d < 5; d++) {
      Instant t = Instant.parse("2026-01-05T08:00:00Z").plus(java.time.Duration.ofDays(d));
      for (int i = 0; i < 13; i++) {
        old.add(UsageRecord.builder().id("old" + d + "-" + i).timestamp(t).source("test").tool("claude-code")
            .person("dev2").inputTokens(24).outputTokens(1 + rnd.nextInt(5)).build());
        t = t.plusSeconds(2400 + rnd.nextInt(361) - 180);
      }
    }
    s.assembly.store().usageConsumer().accept(old);
    HttpResponse<String> run = s.send("POST", "/api/v1/flags/run", s.admin, null);
    assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
    JsonNode flag = s.json("/api/v1/flags/dev2/2026-01-05", s.admin);
    assertThat(flag.get("status").asText()).isEqualTo("open");
    List<String> signals = new ArrayList<>();
    flag.get("signals").forEach(x -> signals.add(x.get("signal").asText()));
    assertThat(signals).contains("hollow-days", "regular-intervals");
    assertThat(s.assembly.checkins().guard().lastChanged()).contains(java.time.LocalDate.of(2026, 1, 5));
    // nothing new: the next run re-scores only the recent weeks
    s.send("POST", "/api/v1/flags/run", s.admin, null);
    assertThat(s.assembly.checkins().guard().lastChanged()).isEmpty();
  }

  static List<String> people(JsonNode board) {
    List<String> out = new ArrayList<>();
    board.get("rows").forEach(r -> out.add(r.get("personId").asText()));
    return out;
  }
}
