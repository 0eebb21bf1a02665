package io.tokenmaxx.server.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenmaxx.model.UsageRecord;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The check-in API on a real server: the form's pre-fill, submit and edit, reading rights, export, digest, webhook. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckinApiTest {
  static final Instant WEDNESDAY = Instant.parse("2026-03-04T15:00:00Z");
  static final String SECRET = "0123456789abcdef-test-secret";
  static final String HOSTILE = "<script>alert('x')</script> **bold** [link](javascript:alert(1)) & \"quotes\"";

  @TempDir static Path dir;
  CheckinServer s;
  WebhookReceiver hook;

  @BeforeAll
  void start() throws Exception {
    hook = new WebhookReceiver();
    s = new CheckinServer(dir, WEDNESDAY, Map.of("checkins.webhook-url", hook.url(), "checkins.webhook-secret", SECRET));
    List<UsageRecord> usage = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      usage.add(UsageRecord.builder().id("u" + i).timestamp(Instant.parse("2026-03-03T14:00:00Z").plusSeconds(60L * i))
          .source("test").tool(i % 3 == 0 ? "codex" : "claude-code").model("claude-sonnet-4-6").person("dev1")
          .sessionId("s" + (i / 10)).inputTokens(1000).outputTokens(500).build());
    }
    usage.add(UsageRecord.builder().id("ops-u").timestamp(Instant.parse("2026-03-03T15:00:00Z")).source("test")
        .tool("chat").person("ops1").inputTokens(10).build());
    s.assembly.store().usageConsumer().accept(usage);
  }

  @AfterAll
  void stop() {
    if (s != null) s.close();
    if (hook != null) hook.close();
  }

  String body(String tried, String visibility) {
    return "{\"tried\":" + quote(tried) + ",\"worked\":\"tests first, then the change\",\"failed\":\"it invented an API\","
        + "\"learned\":\"small steps\",\"tags\":[\"Test Generation\",\"#sql\"],\"tools\":\"claude-code, codex\","
        + "\"minutesSaved\":90,\"links\":[\"https://git.example.com/pr/1\"],\"visibility\":\"" + visibility + "\"}";
  }

  static String quote(String s) {
    try {
      return io.tokenmaxx.server.http.Json.MAPPER.writeValueAsString(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Order(1)
  void theFormIsPrefilledWithTheWeekAtAGlance() throws Exception {
    JsonNode me = s.json("/api/v1/checkins/me", s.tokens.get("dev1"));
    assertThat(me.get("week").asText()).isEqualTo("2026-03-02");
    assertThat(me.get("open").asBoolean()).isTrue();
    assertThat(me.has("checkin")).isFalse();
    JsonNode glance = me.get("glance");
    assertThat(glance.get("requests").asLong()).isEqualTo(30);
    assertThat(glance.get("sessions").asInt()).isEqualTo(3);
    assertThat(glance.get("tools").get(0).get("name").asText()).isEqualTo("claude-code");
    assertThat(s.get("/api/v1/checkins/me", null).statusCode()).isEqualTo(401);
  }

  @Test
  @Order(2)
  void submitEditAndValidate() throws Exception {
    HttpResponse<String> created = s.send("PUT", "/api/v1/checkins/me", s.tokens.get("dev1"), body(HOSTILE, "team"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode c = CheckinServer.parse(created);
    assertThat(c.get("tried").asText()).isEqualTo(HOSTILE);
    assertThat(c.get("tags").toString()).isEqualTo("[\"test-generation\",\"sql\"]");
    assertThat(c.get("tools").toString()).isEqualTo("[\"claude-code\",\"codex\"]");
    HttpResponse<String> edited = s.send("PUT", "/api/v1/checkins/me?week=2026-03-05", s.tokens.get("dev1"),
        "{\"learned\":\"ask for assumptions first\"}");
    assertThat(edited.statusCode()).isEqualTo(200);
    JsonNode e = CheckinServer.parse(edited);
    assertThat(e.get("id").asText()).isEqualTo(c.get("id").asText());
    assertThat(e.get("learned").asText()).isEqualTo("ask for assumptions first");
    assertThat(e.get("tried").asText()).isEqualTo(HOSTILE);
    assertThat(e.get("minutesSaved").asInt()).isEqualTo(90);

    HttpResponse<String> unknown = s.send("PUT", "/api/v1/checkins/me", s.tokens.get("dev1"), "{\"tryed\":\"x\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("\"field\":\"tryed\"");
    HttpResponse<String> badTag = s.send("PUT", "/api/v1/checkins/me", s.tokens.get("dev1"), "{\"tags\":[\"ok\",\"<b>\"]}");
    assertThat(badTag.statusCode()).isEqualTo(400);
    assertThat(badTag.body()).contains("\"field\":\"tags[1]\"");
    HttpResponse<String> adminWrites = s.send("PUT", "/api/v1/checkins/me", s.admin, body("x", "team"));
    assertThat(adminWrites.statusCode()).isEqualTo(403);

    assertThat(s.send("PUT", "/api/v1/checkins/me", s.tokens.get("dev2"), body("dev2 private zebra", "private")).statusCode()).isEqualTo(201);
    assertThat(s.send("PUT", "/api/v1/checkins/me", s.tokens.get("ops1"), body("ops organization-wide yak", "organization")).statusCode()).isEqualTo(201);
    assertThat(s.send("PUT", "/api/v1/checkins/me", s.tokens.get("mgr"), body("manager team note", "team")).statusCode()).isEqualTo(201);
  }

  List<String> authors(JsonNode feed) {
    List<String> out = new ArrayList<>();
    feed.get("checkins").forEach(c -> out.add(c.get("person").asText()));
    return out;
  }

  @Test
  @Order(3)
  void everyoneReadsOnlyWhatTheyMayInTheFeedSearchAndById() throws Exception {
    assertThat(authors(s.json("/api/v1/checkins", s.tokens.get("dev1")))).containsExactlyInAnyOrder("dev1", "mgr", "ops1");
    assertThat(authors(s.json("/api/v1/checkins", s.tokens.get("dev2")))).containsExactlyInAnyOrder("dev1", "dev2", "mgr", "ops1");
    assertThat(authors(s.json("/api/v1/checkins", s.tokens.get("ops1")))).containsExactly("ops1");
    assertThat(authors(s.json("/api/v1/checkins", s.tokens.get("ceo")))).containsExactlyInAnyOrder("dev1", "mgr", "ops1");
    assertThat(authors(s.json("/api/v1/checkins", s.admin))).containsExactlyInAnyOrder("dev1", "mgr", "ops1");
    assertThat(authors(s.json("/api/v1/checkins?team=Ops", s.tokens.get("ceo")))).containsExactly("ops1");
    assertThat(authors(s.json("/api/v1/checkins?tag=sql&person=dev1,mgr", s.tokens.get("ceo")))).containsExactlyInAnyOrder("dev1", "mgr");

    JsonNode found = s.json("/api/v1/checkins/search?q=script+alert", s.tokens.get("mgr"));
    assertThat(found.get("total").asLong()).isEqualTo(1);
    assertThat(found.get("hits").get(0).get("highlights").get("tried").asText()).contains("«script»");
    assertThat(found.get("facets").get("tag").toString()).contains("sql");
    assertThat(s.json("/api/v1/checkins/search?q=script", s.tokens.get("ops1")).get("total").asLong()).isZero();
    assertThat(s.json("/api/v1/checkins/search?q=zebra", s.tokens.get("mgr")).get("total").asLong()).as("private").isZero();
    assertThat(s.json("/api/v1/checkins/search?q=zebra", s.tokens.get("dev2")).get("total").asLong()).isEqualTo(1);
    assertThat(s.json("/api/v1/checkins/search?q=yak", s.tokens.get("dev1")).get("total").asLong()).isEqualTo(1);

    String id = found.get("hits").get(0).get("id").asText();
    assertThat(s.get("/api/v1/checkins/" + id, s.tokens.get("dev2")).statusCode()).isEqualTo(200);
    assertThat(s.get("/api/v1/checkins/" + id, s.tokens.get("ops1")).statusCode()).isEqualTo(404);
  }

  @Test
  @Order(4)
  void theAuthorExportsEverythingTheirsIncludingPrivate() throws Exception {
    HttpResponse<String> json = s.get("/api/v1/checkins/export", s.tokens.get("dev2"));
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(CheckinServer.parse(json).get("checkins").get(0).get("tried").asText()).isEqualTo("dev2 private zebra");
    HttpResponse<String> md = s.get("/api/v1/checkins/export?format=markdown", s.tokens.get("dev1"));
    assertThat(md.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/markdown"));
    assertThat(md.body()).contains("&lt;script&gt;alert\\('x'\\)&lt;/script&gt; \\*\\*bold\\*\\*")
        .doesNotContain("<script>").doesNotContain("](javascript");
  }

  @Test
  @Order(5)
  void digestQuotesWhatTheReaderMayReadAndTheWebhookOnlyWhatIsShared() throws Exception {
    HttpResponse<String> md = s.get("/api/v1/checkins/digest?week=2026-03-02&format=markdown", s.tokens.get("dev2"));
    assertThat(md.statusCode()).isEqualTo(200);
    assertThat(md.body()).contains("# AI check-in digest, week of 2026-03-02").contains("Payments")
        .contains("ask for assumptions first").doesNotContain("<script>");
    JsonNode digest = s.json("/api/v1/checkins/digest?week=2026-03-02", s.tokens.get("ops1"));
    assertThat(digest.get("checkins").asInt()).isEqualTo(4);
    assertThat(digest.toString()).doesNotContain("ask for assumptions first");

    HttpResponse<String> sent = s.send("POST", "/api/v1/checkins/digest/send?week=2026-03-02", s.admin, null);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(CheckinServer.parse(sent).get("sent").asBoolean()).isTrue();
    WebhookReceiver.Delivery d = hook.next();
    assertThat(d.path()).isEqualTo("/hooks/tokenmaxx");
    assertThat(d.headers().get("Content-Type")).isEqualTo("application/json");
    assertThat(d.headers().get(Webhook.EVENT)).isEqualTo("checkins.digest");
    String expected = "sha256=" + Webhook.sign(SECRET.getBytes(StandardCharsets.UTF_8), d.headers().get(Webhook.TIMESTAMP), d.body());
    assertThat(d.headers().get(Webhook.SIGNATURE)).isEqualTo(expected);
    String payload = new String(d.body(), StandardCharsets.UTF_8);
    assertThat(payload).contains("Otto Ops").contains("small steps").doesNotContain("ask for assumptions first")
        .doesNotContain("manager team note").doesNotContain("zebra");
    assertThat(s.send("POST", "/api/v1/checkins/digest/send", s.tokens.get("mgr"), null).statusCode()).isEqualTo(403);
  }

  @Test
  @Order(6)
  void remindersNameWhoHasNotCheckedIn() throws Exception {
    JsonNode mgr = s.json("/api/v1/checkins/missing?week=2026-03-02", s.tokens.get("mgr"));
    assertThat(mgr.get("missing")).isEmpty(); // dev1 and dev2 of the subtree both checked in
    HttpResponse<String> sent = s.send("POST", "/api/v1/checkins/reminders/send?week=2026-03-09", s.admin, null);
    assertThat(CheckinServer.parse(sent).get("missing").asInt()).isEqualTo(2); // dev1 and ops1 used AI recently
    WebhookReceiver.Delivery d = hook.next();
    assertThat(d.headers().get(Webhook.EVENT)).isEqualTo("checkins.reminders");
    assertThat(new String(d.body(), StandardCharsets.UTF_8)).contains("dev1@example.com").contains("ops1@example.com");
  }

  @Test
  @Order(7)
  void aClosedWeekCannotBeChanged() throws Exception {
    s.clock.advance(Duration.ofDays(6)); // Tuesday of the next week: past the one-day grace
    HttpResponse<String> late = s.send("PUT", "/api/v1/checkins/me?week=2026-03-02", s.tokens.get("dev1"), "{\"learned\":\"late\"}");
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("closed");
    assertThat(s.send("PUT", "/api/v1/checkins/me?week=2026-03-16", s.tokens.get("dev1"), body("future", "team")).statusCode()).isEqualTo(409);
    JsonNode streaks = s.json("/api/v1/checkins/streaks", s.tokens.get("mgr"));
    assertThat(streaks.get("people").toString()).contains("\"person\":\"dev1\"").doesNotContain("ops1");
  }
}
