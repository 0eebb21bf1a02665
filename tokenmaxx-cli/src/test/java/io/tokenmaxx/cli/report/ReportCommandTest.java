package io.tokenmaxx.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmaxx.cli.TokenmaxxCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
  @TempDir
  Path dir;
  Logs logs;
  String out;
  String err;

  @BeforeEach
  void logs() {
    logs = new Logs(dir)
        .claude("-w-app", "s1",
            Logs.assistant("m1", "claude-sonnet-4-5-20250929", "2026-01-05T23:30:00.000Z", 1000, 100, 2000, 30000),
            Logs.assistant("m2", "claude-opus-4-6", "2026-01-06T10:00:00.000Z", 10, 5, 0, 0, ",\"costUSD\":0.5"))
        .codex("2026/01/06/rollout-a.jsonl",
            Logs.turnContext("2026-01-06T09:00:00.000Z", "gpt-5.2-codex"),
            Logs.tokenCount("2026-01-06T09:00:01.000Z", 1000, 600, 300, 100),
            Logs.tokenCount("2026-02-01T09:00:01.000Z", 500, 0, 50, 0));
  }

  int run(String... args) {
    List<String> a = new ArrayList<>(List.of(args));
    if (a.size() > 1) {
      a.addAll(List.of("--claude-dir", logs.claude.toString(), "--codex-home", logs.codex.toString(), "--no-cache"));
    }
    CommandLine cl = TokenmaxxCli.newCommandLine();
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    cl.setOut(new PrintWriter(o));
    cl.setErr(new PrintWriter(e));
    int code = cl.execute(a.toArray(new String[0]));
    out = o.toString();
    err = e.toString();
    return code;
  }

  JsonNode json(String... args) throws IOException {
    assertThat(run(args)).as(err).isZero();
    return new ObjectMapper().readTree(out);
  }

  @Test
  void dailyJsonKeepsCcusagesFieldNames() throws IOException {
    JsonNode r = json("report", "daily", "--json", "-z", "UTC");
    JsonNode day = r.get("daily").get(0);
    for (String f : List.of("period", "date", "agent", "metadata", "inputTokens", "outputTokens", "cacheCreationTokens",
        "cacheReadTokens", "totalTokens", "totalCost", "modelsUsed", "modelBreakdowns")) {
      assertThat(day.has(f)).as(f).isTrue();
    }
    assertThat(day.get("agent").asText()).isEqualTo("all");
    assertThat(day.get("period").asText()).isEqualTo("2026-01-05");
    JsonNode model = day.get("modelBreakdowns").get(0);
    for (String f : List.of("modelName", "inputTokens", "outputTokens", "cacheCreationTokens", "cacheReadTokens", "cost")) {
      assertThat(model.has(f)).as(f).isTrue();
    }
    for (String f : List.of("inputTokens", "outputTokens", "cacheCreationTokens", "cacheReadTokens", "totalTokens", "totalCost")) {
      assertThat(r.get("totals").has(f)).as(f).isTrue();
    }
    assertThat(r.get("daily")).hasSize(3);
  }

  @Test
  void outputTokensIncludeReasoningAsCcusageCountsThem() throws IOException {
    JsonNode day = json("report", "daily", "--json", "-z", "UTC").get("daily").get(1);
    assertThat(day.get("period").asText()).isEqualTo("2026-01-06");
    assertThat(day.get("metadata").get("agents").toString()).isEqualTo("[\"claude\",\"codex\"]");
    assertThat(day.get("outputTokens").asLong()).isEqualTo(5 + 300);
    assertThat(day.get("reasoningOutputTokens").asLong()).isEqualTo(100);
    assertThat(day.get("inputTokens").asLong()).isEqualTo(10 + 400);
    assertThat(day.get("cacheReadTokens").asLong()).isEqualTo(600);
    assertThat(day.get("totalTokens").asLong()).isEqualTo(10 + 5 + 1000 + 300);
  }

  @Test
  void theReportedCostWinsUnlessAskedOtherwise() throws IOException {
    JsonNode auto = json("report", "daily", "--json", "-z", "UTC").get("daily").get(1);
    JsonNode opus = find(auto.get("modelBreakdowns"), "claude-opus-4-6");
    assertThat(opus.get("cost").decimalValue()).isEqualByComparingTo("0.5");
    JsonNode computed = json("report", "daily", "--json", "-z", "UTC", "--cost", "computed").get("daily").get(1);
    assertThat(find(computed.get("modelBreakdowns"), "claude-opus-4-6").get("cost").decimalValue())
        .isEqualByComparingTo("0.000175"); // 10 x 5e-6 + 5 x 25e-6
  }

  @Test
  void theTimeZoneDecidesTheDay() throws IOException {
    JsonNode r = json("report", "daily", "--json", "--timezone", "Europe/Berlin");
    assertThat(r.get("daily").get(0).get("period").asText()).isEqualTo("2026-01-06");
    assertThat(r.get("daily")).hasSize(2);
  }

  @Test
  void sinceAndUntilAcceptBothDateForms() throws IOException {
    JsonNode r = json("report", "daily", "--json", "-z", "UTC", "--since", "20260106", "--until", "2026-01-31");
    assertThat(r.get("daily")).hasSize(1);
    assertThat(r.get("totals").get("totalTokens").asLong()).isEqualTo(10 + 5 + 1000 + 300);
  }

  @Test
  void weeklyStartsOnMondayAndMonthlyByMonth() throws IOException {
    JsonNode w = json("report", "weekly", "--json", "-z", "UTC");
    assertThat(w.get("weekly").get(0).get("period").asText()).isEqualTo("2026-01-05");
    assertThat(w.get("weekly").get(0).get("week").asText()).isEqualTo("2026-01-05");
    assertThat(w.get("weekly")).hasSize(2);
    JsonNode sunday = json("report", "weekly", "--json", "-z", "UTC", "--week-start", "sunday");
    assertThat(sunday.get("weekly").get(0).get("period").asText()).isEqualTo("2026-01-04");
    JsonNode m = json("report", "monthly", "--json", "-z", "UTC");
    assertThat(m.get("monthly")).extracting(x -> x.get("period").asText()).containsExactly("2026-01", "2026-02");
  }

  @Test
  void sessionsArePerToolWithTheirLastActivity() throws IOException {
    JsonNode s = json("report", "session", "--json", "-z", "UTC");
    assertThat(s.get("session")).hasSize(2);
    JsonNode codex = s.get("session").get(0);
    assertThat(codex.get("agent").asText()).isEqualTo("codex");
    assertThat(codex.get("period").asText()).isEqualTo("2026/01/06/rollout-a");
    assertThat(codex.get("metadata").get("lastActivity").asText()).isEqualTo("2026-02-01T09:00:01.000Z");
    assertThat(codex.get("metadata").get("reasoningOutputTokens").asLong()).isEqualTo(100);
    JsonNode claude = s.get("session").get(1);
    assertThat(claude.get("agent").asText()).isEqualTo("claude");
    assertThat(claude.get("period").asText()).isEqualTo("s1");
    assertThat(claude.get("projectPath").asText()).isEqualTo("-w-app");
  }

  @Test
  void modelsAndBreakdowns() throws IOException {
    JsonNode m = json("report", "models", "--json");
    assertThat(m.get("models")).extracting(x -> x.get("modelName").asText())
        .containsExactly("claude-opus-4-6", "claude-sonnet-4-5-20250929", "gpt-5.2-codex");
    JsonNode byTool = json("report", "monthly", "--json", "-z", "UTC", "--by", "tool");
    assertThat(byTool.get("monthly").get(0).get("breakdown")).extracting(x -> x.get("tool").asText())
        .containsExactly("claude-code", "codex");
  }

  @Test
  void tableHasTotalsAndThousandsSeparatorsAndNoColourOffATerminal() {
    assertThat(run("report", "daily", "-z", "UTC")).isZero();
    assertThat(out).contains("Total").contains("2026-01-05").contains("30,000").contains("$");
    assertThat(out).doesNotContain("\u001b[");
    assertThat(run("report", "daily", "-z", "UTC", "--color")).isZero();
    assertThat(out).contains("\u001b[");
    assertThat(run("report", "daily", "-z", "UTC", "--width", "80")).isZero();
    for (String line : out.split("\n")) assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
  }

  @Test
  void helpEverywhere() {
    assertThat(run("report", "--help")).isZero();
    assertThat(out).contains("daily").contains("session");
    for (String sub : List.of("daily", "weekly", "monthly", "session", "models")) {
      assertThat(run("report", sub, "--help")).isZero();
      assertThat(out).contains("--since").contains("--json").contains("--claude-dir");
    }
  }

  @Test
  void errorsNameTheFlagOrFile() throws IOException {
    assertThat(run("report", "daily", "--since", "yesterday")).isEqualTo(2);
    assertThat(err).contains("--since").contains("yesterday");
    assertThat(run("report", "daily", "--timezone", "Mars/Olympus")).isEqualTo(2);
    assertThat(err).contains("--timezone");
    assertThat(run("report", "daily", "--since", "2026-02-01", "--until", "2026-01-01")).isEqualTo(2);
    assertThat(err).contains("--since").contains("--until");
    assertThat(run("report", "daily", "--tools", "cursor")).isEqualTo(2);
    assertThat(err).contains("--tools").contains("cursor");
    assertThat(run("report", "daily", "--by", "team")).isEqualTo(2);
    assertThat(err).contains("--by");
    CommandLine cl = TokenmaxxCli.newCommandLine();
    StringWriter e = new StringWriter();
    cl.setErr(new PrintWriter(e));
    cl.setOut(new PrintWriter(new StringWriter()));
    Path missing = dir.resolve("no-such-dir");
    assertThat(cl.execute("report", "daily", "--claude-dir", missing.toString(), "--codex-home", logs.codex.toString(), "--no-cache")).isEqualTo(1);
    assertThat(e.toString()).contains(missing.toString());
    Path prices = dir.resolve("prices.json");
    Files.writeString(prices, "{\"gpt-5.2-codex\": {\"input_cost_per_token\": \"free\"}}");
    assertThat(run("report", "daily", "--prices", prices.toString())).isEqualTo(1);
    assertThat(err).contains("prices.json").contains("input_cost_per_token");
  }

  @Test
  void pricesCanBeOverridden() throws IOException {
    Path prices = dir.resolve("prices.json");
    Files.writeString(prices, "{\"gpt-5.2-codex\": {\"input_cost_per_token\": 1e-3, \"cache_read_input_token_cost\": 0, \"output_cost_per_token\": 0}}");
    JsonNode r = json("report", "models", "--json", "--prices", prices.toString());
    assertThat(find(r.get("models"), "gpt-5.2-codex").get("cost").decimalValue()).isEqualByComparingTo("0.9"); // 900 uncached input
  }

  @Test
  void usesAndRefreshesTheScanCache() throws IOException {
    List<String> args = List.of("report", "daily", "--json", "--claude-dir", logs.claude.toString(), "--codex-home",
        logs.codex.toString(), "--cache-dir", dir.resolve("cache").toString());
    CommandLine cl = TokenmaxxCli.newCommandLine();
    StringWriter o = new StringWriter();
    cl.setOut(new PrintWriter(o));
    assertThat(cl.execute(args.toArray(new String[0]))).isZero();
    assertThat(Files.list(dir.resolve("cache"))).isNotEmpty();
    StringWriter o2 = new StringWriter();
    CommandLine cl2 = TokenmaxxCli.newCommandLine();
    cl2.setOut(new PrintWriter(o2));
    assertThat(cl2.execute(args.toArray(new String[0]))).isZero();
    JsonNode a = new ObjectMapper().readTree(o.toString());
    JsonNode b = new ObjectMapper().readTree(o2.toString());
    assertThat(b.get("meta").get("scan").get("filesCached").asInt()).isEqualTo(2);
    assertThat(b.get("daily")).isEqualTo(a.get("daily"));
  }

  @Test
  void ccusageFlagsAreAccepted() throws IOException {
    assertThat(json("report", "daily", "--json", "--offline").get("daily")).isNotEmpty();
  }

  @Test
  void theJsonNamesTheDateOfTheBundledPrices() throws IOException {
    assertThat(JsonReport.PRICES_TAKEN_ON).isEqualTo(io.tokenmaxx.pricing.PriceCatalog.bundled().takenOn());
    assertThat(json("report", "daily", "--json").get("meta").get("pricesTakenOn").asText()).isEqualTo("2026-07-24");
  }

  static JsonNode find(JsonNode array, String model) {
    for (JsonNode n : array) if (n.get("modelName").asText().equals(model)) return n;
    throw new AssertionError(model + " not in " + array);
  }
}
