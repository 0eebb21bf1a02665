package io.tokenmaxx.cli.report;

import io.tokenmaxx.model.Tools;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tokenmaxx statusline}: Claude Code's status-line hook. Reads the hook's JSON on stdin,
 * prints one line ({@link Statusline}). Runs on every prompt, so it reads the logs through the scan
 * cache (unchanged logs are not read again) and, called the plain way, without picocli
 * ({@link #quick}).
 */
@Command(name = "statusline", mixinStandardHelpOptions = true,
    description = {"One line for Claude Code's status line: model, session cost, today's cost, the active "
        + "5-hour block and the time left in it, burn rate, context used. Reads the status-line JSON "
        + "Claude Code writes on stdin. In ~/.claude/settings.json:",
        "  \"statusLine\": {\"type\": \"command\", \"command\": \"tokenmaxx statusline\"}"})
public final class StatuslineCommand implements Callable<Integer> {
  @Option(names = "--cost-source", paramLabel = "auto|logs|claude-code|both",
      description = "The session's cost: auto (what Claude Code reports, else the logs'), logs, claude-code, or both. Default: auto.")
  String costSource = "auto";

  @Option(names = {"-z", "--timezone"}, converter = ZoneArg.class, paramLabel = "ZONE",
      description = "Time zone 'today' is counted in (default: this machine's).")
  ZoneId zone;

  @Option(names = "--claude-dir", split = ",", paramLabel = "DIR",
      description = "Claude config dir(s) to read instead of CLAUDE_CONFIG_DIR, ~/.config/claude and ~/.claude.")
  List<Path> claudeDirs = new ArrayList<>();

  @Option(names = "--prices", paramLabel = "FILE", description = "Price override file (LiteLLM shape).")
  Path prices;

  @Option(names = "--no-cache", description = "Read every log again; neither use nor update the scan cache.")
  boolean noCache;

  @Option(names = "--cache-dir", paramLabel = "DIR",
      description = "Where the scan cache lives (default: $XDG_CACHE_HOME/tokenmaxx or ~/.cache/tokenmaxx).")
  Path cacheDir;

  @Spec
  CommandLine.Model.CommandSpec spec;

  /** Tests set these; the command uses the process's. */
  Clock clock = Clock.systemUTC();
  InputStream stdin = System.in;
  Map<String, String> env = System.getenv();

  @Override
  public Integer call() throws Exception {
    Statusline.CostSource source = costSource(costSource);
    if (source == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--cost-source must be auto, logs, claude-code or both, was '" + costSource + "'");
    }
    return run(spec.commandLine().getOut(), source);
  }

  private int run(PrintWriter out, Statusline.CostSource source) throws Exception {
    Statusline.Input in = Statusline.Input.parse(stdin.readAllBytes());
    ReportOptions o = new ReportOptions();
    o.json = true; // no progress on stderr
    o.zone = zone;
    o.claudeDirs = claudeDirs;
    o.prices = prices;
    o.noCache = noCache;
    o.cacheDir = cacheDir;
    o.tools = new ArrayList<>(List.of(Tools.CLAUDE_CODE));
    ReportRunner.Usage usage = new ReportRunner(o, out, env).usage(Set.of(Tools.CLAUDE_CODE), new Timing(false));
    out.println(Statusline.line(in, usage.table(), clock.millis(), usage.zone(), usage.basis(), source));
    out.flush();
    usage.awaitCacheWritten();
    return 0;
  }

  static Statusline.CostSource costSource(String v) {
    return switch (v.toLowerCase(java.util.Locale.ROOT)) {
      case "auto" -> Statusline.CostSource.AUTO;
      case "logs", "ccusage", "tokenmaxx" -> Statusline.CostSource.LOGS;
      case "claude-code", "cc" -> Statusline.CostSource.CLAUDE_CODE;
      case "both" -> Statusline.CostSource.BOTH;
      default -> null;
    };
  }

  /**
   * {@code statusline [options]} without picocli when every option is a plain one
   * ({@code --name value}, {@code --name=value}, {@code --no-cache}); null when picocli must read
   * them (help, errors, other spellings), nothing written then.
   */
  public static Integer quick(String[] args, PrintWriter out) throws Exception {
    StatuslineCommand c = new StatuslineCommand();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      String name = a;
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 2) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      }
      if (name.equals("--no-cache") && value == null) {
        c.noCache = true;
        continue;
      }
      if (!Set.of("--cost-source", "-z", "--timezone", "--claude-dir", "--prices", "--cache-dir").contains(name)) return null;
      if (value == null) {
        if (i + 1 >= args.length || args[i + 1].startsWith("-")) return null;
        value = args[++i];
      }
      if (value.isEmpty()) return null;
      switch (name) {
        case "--cost-source" -> c.costSource = value;
        case "-z", "--timezone" -> {
          if ((c.zone = ZoneArg.parse(value)) == null) return null;
        }
        case "--claude-dir" -> {
          for (String d : value.split(",")) c.claudeDirs.add(Path.of(d));
        }
        case "--prices" -> c.prices = Path.of(value);
        default -> c.cacheDir = Path.of(value);
      }
    }
    Statusline.CostSource source = costSource(c.costSource);
    if (source == null) return null;
    return c.run(out, source);
  }
}
