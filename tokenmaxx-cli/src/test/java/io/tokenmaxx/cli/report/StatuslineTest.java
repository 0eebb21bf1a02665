package io.tokenmaxx.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StatuslineTest {
  @TempDir
  Path dir;
  String out;
  String err;

  Logs logs() {
    String m = "claude-sonnet-4-5-20250929";
    return new Logs(dir)
        .claude("-w-app", "s1",
            Logs.assistant("a", m, "2026-03-01T20:00:00.000Z", 10, 10, 0, 0, ",\"costUSD\":4"), // yesterday
            Logs.assistant("b", m, "2026-03-02T10:05:00.000Z", 10, 10, 0, 0, ",\"costUSD\":1"),
            Logs.assistant("c", m, "2026-03-02T10:35:00.000Z", 1000, 10, 300, 4000, ",\"costUSD\":0.5"))
        .claude("-w-other", "s2",
            Logs.assistant("d", m, "2026-03-02T10:15:00.000Z", 10, 10, 0, 0, ",\"costUSD\":0.25"));
  }

  String input(Logs logs, String cost) {
    return "{\"session_id\":\"s1\",\"transcript_path\":\"" + logs.claude.resolve("projects/-w-app/s1.jsonl")
        + "\",\"cwd\":\"/w/app\",\"model\":{\"id\":\"claude-sonnet-4-5-20250929\",\"display_name\":\"Sonnet 4.5\"},"
        + "\"workspace\":{\"current_dir\":\"/w/app\"},\"version\":\"2.1.328\"" + cost + "}";
  }

  int run(Logs logs, String stdin, String... args) {
    StatuslineCommand cmd = new StatuslineCommand();
    cmd.clock = Clock.fixed(Instant.parse("2026-03-02T11:05:00Z"), ZoneOffset.UTC);
    cmd.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    cmd.env = Map.of("HOME", dir.toString());
    CommandLine cl = new CommandLine(cmd);
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    cl.setOut(new PrintWriter(o));
    cl.setErr(new PrintWriter(e));
    List<String> a = new ArrayList<>(List.of(args));
    a.addAll(List.of("--claude-dir", logs.claude.toString(), "--no-cache", "-z", "UTC"));
    int code = cl.execute(a.toArray(new String[0]));
    out = o.toString();
    err = e.toString();
    return code;
  }

  @Test
  void lineHasModelSessionTodayBlockBurnRateAndContext() {
    Logs logs = logs();
    assertThat(run(logs, input(logs, ""))).as(err).isZero();
    // session s1: $1.50 (yesterday's $4 is not in it? it is: the session is the whole transcript)
    // today: 1 + 0.5 + 0.25; block from 10:00: the same three requests in 30 minutes, $3.50/hour
    assertThat(out.strip()).isEqualTo(
        "🤖 Sonnet 4.5 | 💰 $5.50 session / $1.75 today / $1.75 block (3h 55m left) | 🔥 $3.50/hr | 🧠 5,300 (3%)");
  }

  @Test
  void sessionCostComesFromClaudeCodeWhenItReportsOne() {
    Logs logs = logs();
    assertThat(run(logs, input(logs, ",\"cost\":{\"total_cost_usd\":0.031}"))).as(err).isZero();
    assertThat(out).contains("💰 $0.03 session / $1.75 today");
    assertThat(run(logs, input(logs, ",\"cost\":{\"total_cost_usd\":0.031}"), "--cost-source", "both")).isZero();
    assertThat(out).contains("💰 ($0.03 cc / $5.50 logs) session");
    assertThat(run(logs, input(logs, ",\"cost\":{\"total_cost_usd\":0.031}"), "--cost-source", "logs")).isZero();
    assertThat(out).contains("💰 $5.50 session");
  }

  @Test
  void withoutAnActiveBlockOrTranscriptTheLineSaysSo() {
    Logs logs = new Logs(dir).claude("-w-app", "s9",
        Logs.assistant("x", "claude-sonnet-4-5-20250929", "2026-02-01T10:00:00.000Z", 10, 10, 0, 0));
    assertThat(run(logs, "{\"session_id\":\"s1\",\"model\":{\"display_name\":\"Opus\"}}")).as(err).isZero();
    assertThat(out.strip()).isEqualTo("🤖 Opus | 💰 $0.00 session / $0.00 today / No active block | 🧠 N/A");
  }

  @Test
  void inputThatIsNotTheHooksJsonIsAClearError() {
    Logs logs = logs();
    assertThat(run(logs, "not json")).isEqualTo(1);
    assertThat(err).contains("stdin is not Claude Code's status-line JSON");
    assertThat(run(logs, "[1,2]")).isEqualTo(1);
    assertThat(run(logs, input(logs, ""), "--cost-source", "nope")).isEqualTo(2);
    assertThat(err).contains("--cost-source must be auto, logs, claude-code or both, was 'nope'");
  }
}
