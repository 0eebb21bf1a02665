package io.tokenmaxx.collect.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.agents.AgentFixture;
import io.tokenmaxx.model.Tools;
import io.tokenmaxx.model.UsageRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenCode's SQLite database and GitHub Copilot CLI's event logs, starting from what the real agents
 * wrote (the captures in {@code agents/opencode} and {@code agents/copilot-cli}): locations and the
 * variables that move them, re-scans as the agents write more, what breaks the format.
 */
class OpenCodeAndCopilotLogsTest {
  @TempDir
  Path dir;

  ScanResult scan(Path home, Map<String, String> env, Path cache, String... tools) throws Exception {
    LocalLogScanner scanner = LocalLogScanner.builder().home(home).env(env).threads(2).cacheFile(cache).tools(Set.of(tools)).build();
    ScanResult result = scanner.scan();
    scanner.awaitCacheWritten(); // written in the background: the next scan reads it, the temp folder is deleted after
    return result;
  }

  @Test
  void openCodesDatabaseIsReadAgainWhenItsWriteAheadLogGrows() throws Exception {
    Path home = AgentFixture.load("opencode").copyHome(dir);
    Path cache = dir.resolve("cache.bin");
    ScanResult first = scan(home, Map.of(), cache, Tools.OPENCODE);
    assertThat(first.records()).hasSize(2);
    assertThat(first.records()).extracting(UsageRecord::provider).containsOnly("anthropic");
    assertThat(first.records()).extracting(UsageRecord::project).containsOnly("-tmp-tokenmaxx-capture-work");
    assertThat(first.records()).allSatisfy(r -> assertThat(r.id()).startsWith("opencode:" + r.sessionId() + ":msg_"));
    assertThat(first.records()).allSatisfy(r -> assertThat(r.reportedCost()).isPositive());
    assertThat(scan(home, Map.of(), cache, Tools.OPENCODE).stats().filesCached()).isEqualTo(1);

    // OpenCode adds a message: only its write-ahead log changes, not the database file
    Path db = home.resolve(".local/share/opencode/opencode.db");
    long dbModified = Files.getLastModifiedTime(db).toMillis();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement p = c.prepareStatement(
            "INSERT INTO message (id, session_id, time_created, time_updated, data) SELECT 'msg_added', session_id, "
                + "time_created + 1000, time_updated + 1000, json_set(data, '$.id', 'msg_added', '$.tokens.input', 7, "
                + "'$.tokens.output', 3, '$.tokens.cache.read', 0, '$.time.created', time_created + 1000) "
                + "FROM message WHERE json_extract(data, '$.role') = 'assistant' LIMIT 1")) {
      c.createStatement().execute("PRAGMA wal_autocheckpoint=0");
      assertThat(p.executeUpdate()).isEqualTo(1);
    }
    Files.setLastModifiedTime(db, java.nio.file.attribute.FileTime.fromMillis(dbModified));
    ScanResult again = scan(home, Map.of(), cache, Tools.OPENCODE);
    assertThat(again.stats().filesCached()).isZero();
    assertThat(again.records()).hasSize(3);
    assertThat(again.records()).filteredOn(r -> r.id().endsWith(":msg_added"))
        .singleElement().satisfies(r -> {
          assertThat(r.inputTokens()).isEqualTo(7);
          assertThat(r.outputTokens()).isEqualTo(3);
        });
  }

  @Test
  void openCodesFolderMovesWithItsVariableAndXdgDataHome() throws Exception {
    Path home = AgentFixture.load("opencode").copyHome(dir);
    Path moved = Files.move(home.resolve(".local/share/opencode"), dir.resolve("elsewhere"));
    assertThat(scan(home, Map.of(), null, Tools.OPENCODE).records()).isEmpty();
    assertThat(scan(home, Map.of("OPENCODE_DATA_DIR", moved.toString()), null, Tools.OPENCODE).records()).hasSize(2);
    Path xdg = Files.createDirectories(dir.resolve("xdg"));
    Files.move(moved, xdg.resolve("opencode"));
    assertThat(scan(home, Map.of("XDG_DATA_HOME", xdg.toString()), null, Tools.OPENCODE).records()).hasSize(2);
  }

  @Test
  void aLegacyMessageFileAndTheSameMessageInTheDatabaseCountOnce() throws Exception {
    Path home = AgentFixture.load("opencode").copyHome(dir);
    List<UsageRecord> inDb = scan(home, Map.of(), null, Tools.OPENCODE).records();
    UsageRecord r = inDb.get(0);
    String msg = r.id().substring(r.id().lastIndexOf(':') + 1);
    Path legacy = home.resolve(".local/share/opencode/storage/message/" + r.sessionId());
    Files.createDirectories(legacy);
    Files.writeString(legacy.resolve(msg + ".json"), "{\"id\":\"" + msg + "\",\"sessionID\":\"" + r.sessionId()
        + "\",\"role\":\"assistant\",\"modelID\":\"" + r.model() + "\",\"providerID\":\"anthropic\",\"time\":{\"created\":"
        + r.timestamp().toEpochMilli() + "},\"tokens\":{\"input\":" + r.inputTokens() + ",\"output\":" + r.outputTokens()
        + ",\"reasoning\":0,\"cache\":{\"read\":" + r.cacheReadTokens() + ",\"write\":" + r.cacheWrite5mTokens() + "}}}");
    Files.writeString(legacy.resolve("msg_torn.json"), "{\"id\":\"msg_torn\",\"role\":\"assis");
    Files.writeString(legacy.resolve("msg_other.json"), "{\"id\":\"msg_other\",\"sessionID\":\"ses_old\",\"role\":\"assistant\","
        + "\"modelID\":\"gpt-5\",\"providerID\":\"openai\",\"time\":{\"created\":1767225600000},\"path\":{\"cwd\":\"/w/app\"},"
        + "\"tokens\":{\"input\":100,\"output\":20,\"reasoning\":5,\"cache\":{\"read\":50,\"write\":0}},\"cost\":0}");
    ScanResult both = scan(home, Map.of(), null, Tools.OPENCODE);
    assertThat(both.records()).hasSize(3);
    assertThat(both.stats().duplicatesDropped()).isEqualTo(1);
    assertThat(both.stats().malformedLines()).isEqualTo(1);
    UsageRecord old = both.records().stream().filter(x -> x.id().endsWith(":msg_other")).findFirst().orElseThrow();
    assertThat(old.provider()).isEqualTo("openai");
    assertThat(old.project()).isEqualTo("-w-app");
    assertThat(old.reasoningTokens()).isEqualTo(5);
    assertThat(old.reportedCost()).as("a cost of 0 is OpenCode not knowing the price").isNull();
    assertThat(old.computedCost()).isNotNull();
  }

  @Test
  void copilotEventsCountOncePerApiCallAndBadRecordsAreCounted() throws Exception {
    Path home = AgentFixture.load("copilot-cli").copyHome(dir);
    Path events;
    try (var s = Files.walk(home.resolve(".copilot/session-state"))) {
      events = s.filter(p -> p.getFileName().toString().equals("events.jsonl")).findFirst().orElseThrow();
    }
    ScanResult first = scan(home, Map.of(), null, Tools.COPILOT_CLI);
    assertThat(first.records()).hasSize(2);
    assertThat(first.records()).extracting(UsageRecord::sessionId).containsOnly(events.getParent().getFileName().toString());
    assertThat(first.records()).extracting(UsageRecord::provider).containsOnly("anthropic");
    // a forked session copies the events: the same API calls count once
    Path fork = Files.createDirectories(events.getParent().resolveSibling("forked-session"));
    Files.copy(events, fork.resolve("events.jsonl"));
    // a torn line and a record whose cache counts exceed its input
    Files.writeString(fork.resolve("events.jsonl"), "{\"type\":\"session.usage_record\",\"data\":{\n"
        + "{\"type\":\"session.usage_record\",\"data\":{\"usage\":{\"model\":\"m\",\"inputTokens\":5,\"outputTokens\":1,"
        + "\"cacheReadTokens\":10,\"cacheWriteTokens\":0,\"apiCallId\":\"x\"}},\"id\":\"e\",\"timestamp\":\"2026-12-08T01:00:00.000Z\"}\n",
        StandardOpenOption.APPEND);
    ScanResult again = scan(home, Map.of(), null, Tools.COPILOT_CLI);
    assertThat(again.records()).hasSize(2);
    assertThat(again.stats().duplicatesDropped()).isEqualTo(2);
    assertThat(again.stats().malformedLines()).isEqualTo(2);
    // COPILOT_HOME moves it
    Path moved = Files.move(home.resolve(".copilot"), dir.resolve("copilot-home"));
    assertThat(scan(home, Map.of("COPILOT_HOME", moved.toString()), null, Tools.COPILOT_CLI).records()).hasSize(2);
  }

  @Test
  void aDirectoryGivenForAnAgentMustExist() {
    assertThatThrownBy(() -> LocalLogScanner.builder().agentDirs(Tools.OPENCODE, List.of(dir.resolve("missing")))
        .build().scan()).hasMessageContaining("opencode directory").hasMessageContaining("is not a directory");
    assertThatThrownBy(() -> LocalLogScanner.builder().agentDirs("nope", List.of(dir)))
        .hasMessageContaining("no directories to set for tool 'nope'");
  }
}
