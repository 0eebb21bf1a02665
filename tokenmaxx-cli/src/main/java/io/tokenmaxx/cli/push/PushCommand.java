package io.tokenmaxx.cli.push;

import io.tokenmaxx.cli.remote.ServerClient;
import io.tokenmaxx.cli.remote.TokenOptions;
import io.tokenmaxx.collect.local.LocalLogScanner;
import io.tokenmaxx.collect.local.ScanResult;
import io.tokenmaxx.model.RecordLimits;
import io.tokenmaxx.model.UsageRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tokenmaxx push}: the employee-side agent. Reads the coding agents' local logs
 * incrementally (the same collectors as {@code report}), sends the records the server does not have
 * yet — new ones, and ones that grew — to its ingest API, retries with backoff, and says what it
 * sent. Only counts, models, times, session and project names leave the machine: never prompt or
 * response text.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
    description = {"Send your coding agents' usage (Claude Code, Codex, Gemini CLI, Qwen Code, OpenCode, GitHub Copilot CLI logs) to a "
        + "tokenmaxx server: only records it does not have yet, never prompt or response text.",
        "Run it once, or keep it running with --every (e.g. from a login item or a systemd user unit)."})
public final class PushCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin TokenOptions auth;

  @Option(names = "--every", paramLabel = "DURATION",
      description = "Keep running, pushing every DURATION (e.g. 10m, 1h, 90s); default: push once and exit.")
  String every;

  @Option(names = "--dry-run", description = "Show what would be sent; send nothing.")
  boolean dryRun;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "5000", description = "Records per request (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--claude-dir", split = ",", paramLabel = "DIR", description = "Claude config dir(s) (default: CLAUDE_CONFIG_DIR, ~/.config/claude, ~/.claude).")
  List<Path> claudeDirs = new ArrayList<>();

  @Option(names = "--codex-home", split = ",", paramLabel = "DIR", description = "Codex home(s) (default: CODEX_HOME or ~/.codex).")
  List<Path> codexHomes = new ArrayList<>();

  @Option(names = "--gemini-dir", split = ",", paramLabel = "DIR", description = "Gemini CLI dir(s) (default: ~/.gemini).")
  List<Path> geminiDirs = new ArrayList<>();

  @Option(names = "--qwen-dir", split = ",", paramLabel = "DIR", description = "Qwen Code dir(s) (default: ~/.qwen).")
  List<Path> qwenDirs = new ArrayList<>();

  @Option(names = "--agent-dir", split = ",", paramLabel = "TOOL=DIR",
      description = "Read TOOL's logs from DIR (opencode, copilot-cli); repeatable.")
  List<String> agentDirs = new ArrayList<>();

  @Option(names = "--tools", split = ",", paramLabel = "TOOL",
      description = "Only these tools' logs (default: every tool tokenmaxx reads).")
  List<String> tools = new ArrayList<>();

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "Where push remembers what it sent (default: $XDG_STATE_HOME/tokenmaxx or ~/.local/state/tokenmaxx).")
  Path stateDir;

  Map<String, String> env = System.getenv();
  Uploader.Sleeper sleeper = d -> Thread.sleep(d.toMillis());

  @Override
  public Integer call() throws Exception {
    if (batch < 1 || batch > 100_000) throw new IllegalArgumentException("--batch must be between 1 and 100000, was " + batch);
    Duration interval = every == null ? null : parseDuration(every);
    ServerClient client = auth.client();
    Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
    Path ledgerFile = ledgerFile(home, client.base().toString());
    LocalLogScanner.Builder b = LocalLogScanner.builder().home(home).env(env).claudeDirs(claudeDirs)
        .codexHomes(codexHomes).geminiDirs(geminiDirs).qwenDirs(qwenDirs);
    try {
      io.tokenmaxx.cli.report.AgentDirs.parse(agentDirs).forEach(b::agentDirs);
      java.util.Set<String> only = io.tokenmaxx.cli.report.AgentDirs.tools(tools);
      if (!only.isEmpty()) b.tools(only);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    LocalLogScanner scanner = b.cacheFile(ledgerFile.resolveSibling("push-scan-cache.bin")).build();
    Uploader uploader = new Uploader(client, 6, sleeper);
    while (true) {
      pushOnce(scanner, uploader, ledgerFile, client);
      if (interval == null) return 0;
      Thread.sleep(interval.toMillis());
    }
  }

  private void pushOnce(LocalLogScanner scanner, Uploader uploader, Path ledgerFile, ServerClient client)
      throws IOException, InterruptedException {
    ScanResult scan = scanner.scan();
    scanner.awaitCacheWritten(); // a watch loop scans again: the next scan reads this one's cache
    SentLedger ledger = SentLedger.load(ledgerFile);
    List<UsageRecord> pending = new ArrayList<>();
    List<UsageRecord> unstorable = new ArrayList<>();
    List<String> examples = new ArrayList<>();
    int updated = 0;
    for (UsageRecord r : scan.records()) {
      if (ledger.sent(r)) continue;
      String problem = RecordLimits.problem(r);
      if (problem != null) { // the server would refuse it: say so once, do not send it
        unstorable.add(r);
        if (examples.size() < 3) examples.add(problem + " (" + r.id() + ")");
        continue;
      }
      if (ledger.known(r)) updated++;
      pending.add(r);
    }
    var out = spec.commandLine().getOut();
    if (dryRun) {
      out.printf(Locale.ROOT, "would send %,d records (%,d new, %,d updated) from %,d files to %s; %,d already there%n",
          pending.size(), pending.size() - updated, updated, scan.stats().files(), client.base(),
          scan.records().size() - pending.size());
      return;
    }
    if (!unstorable.isEmpty()) {
      ledger.markSent(unstorable);
      ledger.save(ledgerFile);
    }
    int accepted = 0;
    int rejected = unstorable.size();
    for (int from = 0; from < pending.size(); from += batch) {
      List<UsageRecord> chunk = pending.subList(from, Math.min(pending.size(), from + batch));
      Uploader.Result r = uploader.send(chunk);
      accepted += r.accepted();
      rejected += r.rejected();
      if (examples.size() < 3) examples.addAll(r.errors().subList(0, Math.min(3 - examples.size(), r.errors().size())));
      ledger.markSent(chunk); // refused records are not retried: they would be refused again
      ledger.save(ledgerFile);
    }
    out.printf(Locale.ROOT, "sent %,d records (%,d new, %,d updated) from %,d files to %s%s; %,d already there%n",
        accepted, accepted - Math.min(accepted, updated), Math.min(accepted, updated), scan.stats().files(), client.base(),
        rejected == 0 ? "" : String.format(Locale.ROOT, "; %,d refused (by the server, or here as no store could keep them), e.g. %s", rejected, examples),
        scan.records().size() - pending.size());
    out.flush();
  }

  private Path ledgerFile(Path home, String server) {
    Path dir = stateDir;
    if (dir == null) {
      String xdg = env.get("XDG_STATE_HOME");
      dir = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("state")).resolve("tokenmaxx");
    }
    String name = server.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
    return dir.resolve("push-" + name + ".ledger");
  }

  static Duration parseDuration(String s) {
    String v = s.trim().toLowerCase(Locale.ROOT);
    try {
      Duration d;
      if (v.matches("\\d+(ms|s|m|h)")) {
        long n = Long.parseLong(v.replaceAll("[a-z]+$", ""));
        d = v.endsWith("ms") ? Duration.ofMillis(n) : v.endsWith("s") ? Duration.ofSeconds(n)
            : v.endsWith("m") ? Duration.ofMinutes(n) : Duration.ofHours(n);
      } else {
        d = Duration.parse(s.trim());
      }
      if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("--every must be positive, was " + s);
      return d;
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException("--every must be a duration such as 10m, 1h or 90s, was '" + s + "'");
    }
  }
}
