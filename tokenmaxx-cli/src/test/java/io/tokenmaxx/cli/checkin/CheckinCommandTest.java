package io.tokenmaxx.cli.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmaxx.cli.TokenmaxxCli;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.identity.TokenScope;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.server.ServerAssembly;
import io.tokenmaxx.server.TokenmaxxServer;
import io.tokenmaxx.server.config.ConfigLoader;
import io.tokenmaxx.server.config.ServerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tokenmaxx checkin} and {@code tokenmaxx flags} against a real server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckinCommandTest {
  @TempDir static Path dir;
  TokenmaxxServer server;
  String url;
  String admin;
  String ada;
  String ben;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    CommandLine cl = TokenmaxxCli.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeAll
  void start() throws Exception {
    ServerConfig config = new ConfigLoader().overrides(Map.of("port", "0", "host", "127.0.0.1", "data", dir.toString(),
        "analytics.zone", "UTC")).load();
    ServerAssembly assembly = new ServerAssembly(config, Clock.fixed(Instant.parse("2026-03-04T12:00:00Z"), ZoneOffset.UTC));
    server = assembly.build().start();
    url = "http://127.0.0.1:" + server.port();
    admin = Files.readString(config.adminTokenFile()).strip();
    var store = assembly.store();
    store.directory().upsertPeople(List.of(
        new Person("ada", "ada@example.com", "Ada Lovelace", "Payments", "Engineering", null, null, null, null),
        new Person("ben", "ben@example.com", "Ben \u001b[31mRed", "Payments", "Engineering", "ada", null, null, null)));
    ada = store.tokens().create(TokenScope.READ, "ada", null, "test").secret();
    ben = store.tokens().create(TokenScope.READ, "ben", null, "test").secret();
    List<UsageRecord> loop = new ArrayList<>();
    Instant t = Instant.parse("2026-03-02T00:00:00Z");
    for (int i = 0; i < 2500; i++) {
      loop.add(UsageRecord.builder().id("l" + i).timestamp(t.plusSeconds(50L * i)).source("test").tool("claude-code")
          .person("ben").inputTokens(10).cacheReadTokens(40_000).outputTokens(8).promptHash("h").build());
    }
    store.usageConsumer().accept(loop);
  }

  @AfterAll
  void stop() {
    if (server != null) server.close();
  }

  @Test
  void submitEditShowListSearchExportDigest() throws Exception {
    Run submit = run("checkin", "submit", "--server", url, "--token", ada, "--tried", "pairing on the \u001b[2J migration",
        "--worked", "tests first", "--tag", "migration", "--tool", "claude-code", "--minutes-saved", "60");
    assertThat(submit.code()).as(submit.err()).isZero();
    assertThat(submit.err()).contains("submitted your check-in for the week of 2026-03-02");
    assertThat(submit.out()).contains("Tried:").contains("pairing on the [2J migration").doesNotContain("\u001b"); // stored without it

    Run edit = run("checkin", "edit", "--server", url, "--token", ada, "--learned", "small steps", "--json");
    assertThat(edit.code()).as(edit.err()).isZero();
    JsonNode edited = new ObjectMapper().readTree(edit.out());
    assertThat(edited.get("learned").asText()).isEqualTo("small steps");
    assertThat(edited.get("worked").asText()).isEqualTo("tests first");

    Run editNone = run("checkin", "edit", "--server", url, "--token", ben, "--learned", "x");
    assertThat(editNone.code()).isEqualTo(1);
    assertThat(editNone.err()).contains("there is no check-in for the week of 2026-03-02 to edit");

    Path json = dir.resolve("ci.json");
    Files.writeString(json, "{\"tried\": \"from a file\", \"tags\": [\"ops\"], \"visibility\": \"private\"}");
    assertThat(run("checkin", "submit", "--server", url, "--token", ben, "--file", json.toString()).code()).isZero();

    Run show = run("checkin", "show", "--server", url, "--token", ben);
    assertThat(show.out()).contains("Week of 2026-03-02: open").contains("2,500 requests").contains("from a file")
        .contains("Ben \uFFFD[31mRed");

    Run list = run("checkin", "list", "--server", url, "--token", ben);
    assertThat(list.out()).contains("Ada Lovelace").contains("tests first");
    Run adaList = run("checkin", "list", "--server", url, "--token", ada);
    assertThat(adaList.out()).doesNotContain("from a file"); // ben's is private

    Run search = run("checkin", "search", "--server", url, "--token", ben, "migrations");
    assertThat(search.out()).contains("1 check-ins match").contains("«migration»").contains("tag: migration 1");

    Path md = dir.resolve("mine.md");
    Run export = run("checkin", "export", "--server", url, "--token", ben, "--format", "markdown", "-o", md.toString());
    assertThat(export.code()).isZero();
    assertThat(Files.readString(md)).contains("from a file").contains("(private)");

    Run digest = run("checkin", "digest", "--server", url, "--token", ada, "--week", "2026-03-02");
    assertThat(digest.out()).contains("# AI check-in digest, week of 2026-03-02").contains("small steps");

    Run bad = run("checkin", "submit", "--server", url, "--token", ada, "--tag", "<no>");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("HTTP 400").contains("tags[0]");
    Run down = run("checkin", "show", "--server", "http://127.0.0.1:1", "--token", ada);
    assertThat(down.err()).contains("cannot reach the server at http://127.0.0.1:1");
  }

  @Test
  void flagsListsFlaggedWeeksWithTheirEvidence() throws Exception {
    assertThat(run("flags", "--server", url, "--token", admin).out()).contains("No open flags");
    var client = new io.tokenmaxx.cli.remote.ServerClient(url, admin);
    client.json("POST", "/api/v1/flags/run", null);
    Run flags = run("flags", "--server", url, "--token", admin, "--since", "2026-03-01");
    assertThat(flags.code()).as(flags.err()).isZero();
    assertThat(flags.out()).contains("(ben)  week of 2026-03-02").contains("- machine-cadence:").contains("- repetition:")
        .contains("1 flagged person-week").doesNotContain("\u001b");
    Run asJson = run("flags", "--server", url, "--token", ada, "--json");
    assertThat(new ObjectMapper().readTree(asJson.out()).get("count").asInt()).as("ada manages ben").isEqualTo(1);
    Run badStatus = run("flags", "--server", url, "--token", admin, "--status", "maybe");
    assertThat(badStatus.err()).contains("--status must be open, dismissed or all");
  }
}
