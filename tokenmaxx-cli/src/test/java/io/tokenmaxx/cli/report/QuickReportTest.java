package io.tokenmaxx.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.cli.TokenmaxxCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * A report run without picocli prints exactly what the same report prints through the command
 * line, and hands back (prints nothing, returns null) whatever the command line must answer.
 */
class QuickReportTest {
  @TempDir
  Path dir;
  Logs logs;

  @BeforeEach
  void logs() {
    logs = new Logs(dir)
        .claude("-w-app", "s1",
            Logs.assistant("m1", "claude-sonnet-4-5-20250929", "2026-01-05T23:30:00.000Z", 1000, 100, 2000, 30000),
            Logs.assistant("m2", "claude-opus-4-6", "2026-01-06T10:00:00.000Z", 10, 5, 0, 0, ",\"costUSD\":0.5"))
        .codex("2026/01/06/rollout-café.jsonl",
            Logs.turnContext("2026-01-06T09:00:00.000Z", "gpt-5.2-codex"),
            Logs.tokenCount("2026-01-06T09:00:01.000Z", 1000, 600, 300, 100));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "daily --json -z UTC", "weekly --json --timezone=UTC --week-start sunday", "monthly -j -z UTC --by model",
      "session --json -z UTC", "models -z UTC --json --cost computed", "daily -z UTC --width 100 --no-color",
      "daily -z UTC --compact --no-color", "weekly -z Europe/Berlin --by tool --no-color --width 140",
      "daily --json -z UTC --since 20260106 --until 2026-01-31 --tools codex,claude"})
  void printsWhatTheCommandLinePrints(String line) throws Exception {
    List<String> args = new ArrayList<>(List.of("report"));
    args.addAll(List.of(line.split(" ")));
    args.addAll(List.of("--claude-dir", logs.claude.toString(), "--codex-home", logs.codex.toString(), "--no-cache"));
    String[] a = args.toArray(new String[0]);

    PrintStream stdout = System.out;
    ByteArrayOutputStream quick = new ByteArrayOutputStream();
    Integer code;
    try {
      System.setOut(new PrintStream(quick, true, StandardCharsets.UTF_8));
      code = QuickReport.run(a);
    } finally {
      System.setOut(stdout);
    }
    assertThat(code).isZero();

    CommandLine cl = TokenmaxxCli.newCommandLine();
    StringWriter full = new StringWriter();
    cl.setOut(new PrintWriter(full));
    assertThat(cl.execute(a)).isZero();
    assertThat(quick.toString(StandardCharsets.UTF_8)).isNotEmpty().isEqualTo(full.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"daily --help", "daily --since 2026-02-01 --until 2026-01-01", "daily --tools cursor",
      "daily --person a@example.com", "yearly --json", "daily --threads 0", "daily --since tomorrow"})
  void leavesToTheCommandLineWhatItMustAnswer(String line) throws Exception {
    List<String> args = new ArrayList<>(List.of("report"));
    args.addAll(List.of(line.split(" ")));
    args.addAll(List.of("--claude-dir", logs.claude.toString(), "--no-cache"));
    PrintStream stdout = System.out;
    ByteArrayOutputStream quick = new ByteArrayOutputStream();
    Integer code;
    try {
      System.setOut(new PrintStream(quick, true, StandardCharsets.UTF_8));
      code = QuickReport.run(args.toArray(new String[0]));
    } finally {
      System.setOut(stdout);
    }
    assertThat(code).isNull();
    assertThat(quick.size()).isZero();
  }
}
