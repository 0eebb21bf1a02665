package io.tokenmaxx.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmaxx.demo.DemoSpec;
import io.tokenmaxx.identity.TokenScope;
import io.tokenmaxx.server.ServerAssembly;
import io.tokenmaxx.server.TokenmaxxServer;
import io.tokenmaxx.server.config.ConfigLoader;
import io.tokenmaxx.server.config.ServerConfig;
import io.tokenmaxx.server.demo.DemoLoader;
import io.tokenmaxx.server.web.auth.Passwords;
import io.tokenmaxx.storage.duckdb.DuckDbStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan capacity|tco --server}: the recorded demand of a real server, with flags on top. */
class PlanFromServerTest {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 13);
  @TempDir static Path dir;
  static TokenmaxxServer server;
  static String url;
  static Path tokenFile;
  static String ingest;

  @BeforeAll
  static void start() throws Exception {
    DuckDbStorage storage = DuckDbStorage.builder().inMemory().build();
    ZoneId zone = ZoneId.of("Europe/Berlin");
    new DemoLoader(storage, List.of(), new Passwords(1024, 1, 1), 2)
        .load(new DemoSpec(11, 40, 6, TODAY, zone, 1.0, 0.05, java.time.DayOfWeek.FRIDAY));
    ServerConfig config = new ConfigLoader().overrides(Map.of("port", "0", "host", "127.0.0.1", "data",
        dir.resolve("data").toString())).load();
    server = new ServerAssembly(config, Clock.fixed(TODAY.atTime(18, 0).atZone(zone).toInstant(), zone))
        .storage(storage).build().start();
    url = "http://127.0.0.1:" + server.port();
    tokenFile = dir.resolve("read-token");
    Files.writeString(tokenFile, storage.tokens().create(TokenScope.READ, null, null, "cli test").secret() + "\n");
    ingest = storage.tokens().create(TokenScope.INGEST, storage.directory().people().get(0).id(), null, "x").secret();
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
  }

  @Test
  void capacityPlansTheRecordedClassesWithFlagsOnTop() throws Exception {
    PlanCommandTest.Run r = PlanCommandTest.run("plan", "capacity", "--server", url, "--token-file", tokenFile.toString(),
        "--gpu", "H200", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("profile").asText()).contains("recorded at " + url + ", last 28 days");
    assertThat(j.get("sizings")).hasSize(3);
    assertThat(j.get("total_gpus").asInt()).isPositive();
    PlanCommandTest.Run mid = PlanCommandTest.run("plan", "capacity", "--server", url, "--token-file", tokenFile.toString(),
        "--gpu", "H100", "--class", "mid", "--model", "Qwen2.5-72B", "--growth", "10%", "--scale", "3", "--json");
    assertThat(mid.code()).as(mid.err()).isZero();
    JsonNode m = new ObjectMapper().readTree(mid.out()).get("sizings");
    assertThat(m).hasSize(1);
    assertThat(m.get(0).at("/demand/model").asText()).isEqualTo("Qwen2.5-72B");
    assertThat(m.get(0).at("/demand/monthly_growth").asDouble()).isEqualTo(0.10);
    PlanCommandTest.Run table = PlanCommandTest.run("plan", "capacity", "--server", url, "--token-file", tokenFile.toString(),
        "--gpu", "H100");
    assertThat(table.out()).contains("Capacity plan for recorded at").contains("small").contains("frontier-large")
        .contains("GPUs now:");
  }

  @Test
  void tcoComparesEveryRecordedClass() throws Exception {
    PlanCommandTest.Run r = PlanCommandTest.run("plan", "tco", "--server", url, "--token-file", tokenFile.toString(),
        "--gpu", "H100", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j).hasSize(3);
    assertThat(j.get(0).get("label").asText()).isEqualTo("small");
    assertThat(j.get(0).at("/api/name").asText()).isEqualTo("claude-haiku-4-5");
    PlanCommandTest.Run text = PlanCommandTest.run("plan", "tco", "--server", url, "--token-file", tokenFile.toString(),
        "--gpu", "H200", "--class", "frontier-large", "--api", "gpt-5");
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out()).contains("frontier-large: self-host").contains("vs API gpt-5").contains("Breakeven");
  }

  @Test
  void mistakesSayWhatToFix() {
    PlanCommandTest.Run noClass = PlanCommandTest.run("plan", "capacity", "--server", url, "--token-file",
        tokenFile.toString(), "--gpu", "H100", "--class", "huge");
    assertThat(noClass.code()).isEqualTo(1);
    assertThat(noClass.err()).contains("--class huge: the server recorded no such class");
    PlanCommandTest.Run badToken = PlanCommandTest.run("plan", "tco", "--server", url, "--token", ingest, "--gpu", "H100");
    assertThat(badToken.code()).isEqualTo(1);
    assertThat(badToken.err()).contains("HTTP 403");
    PlanCommandTest.Run both = PlanCommandTest.run("plan", "tco", "--server", url, "--token-file", tokenFile.toString(),
        "--demand", "x.json", "--gpu", "H100");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("not both");
    PlanCommandTest.Run unreachable = PlanCommandTest.run("plan", "capacity", "--server", "http://127.0.0.1:1",
        "--token", "x", "--gpu", "H100");
    assertThat(unreachable.code()).isEqualTo(1);
    assertThat(unreachable.err()).contains("cannot reach the server");
  }
}
