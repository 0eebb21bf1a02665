package io.tokenmaxx.cli.report;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every report takes. */
final class ReportOptions {
  enum By { TOOL, MODEL, PROJECT }

  enum CostArg { AUTO, COMPUTED, REPORTED }

  @Option(names = {"-j", "--json"}, description = "JSON output (ccusage's field names, plus additions).")
  boolean json;

  @Option(names = {"-s", "--since"}, converter = DateArg.class, paramLabel = "DATE",
      description = "First day to include (YYYY-MM-DD or YYYYMMDD), in --timezone.")
  LocalDate since;

  @Option(names = {"-u", "--until"}, converter = DateArg.class, paramLabel = "DATE",
      description = "Last day to include (YYYY-MM-DD or YYYYMMDD), inclusive.")
  LocalDate until;

  @Option(names = {"-z", "--timezone"}, converter = ZoneArg.class, paramLabel = "ZONE",
      description = "Time zone days are counted in (IANA name, UTC or +HH:MM); default: this machine's.")
  ZoneId zone;

  @Option(names = "--by", paramLabel = "tool|model|project",
      description = "Break every row down by tool, model or project.")
  By by;

  @Option(names = "--tools", split = ",", paramLabel = "TOOL",
      description = "Only these tools: claude-code, codex, gemini-cli, qwen-code, opencode, kilo, copilot-cli, amp, kimi, droid (default: all; report blocks: claude-code); with --server, any tool the server stores, e.g. api (default: every one).")
  List<String> tools = new ArrayList<>();

  @Option(names = "--claude-dir", split = ",", paramLabel = "DIR",
      description = "Claude config dir(s) to read instead of CLAUDE_CONFIG_DIR, ~/.config/claude and ~/.claude.")
  List<Path> claudeDirs = new ArrayList<>();

  @Option(names = "--codex-home", split = ",", paramLabel = "DIR",
      description = "Codex home(s) to read instead of CODEX_HOME or ~/.codex.")
  List<Path> codexHomes = new ArrayList<>();

  @Option(names = "--gemini-dir", split = ",", paramLabel = "DIR",
      description = "Gemini CLI dir(s) to read instead of ~/.gemini.")
  List<Path> geminiDirs = new ArrayList<>();

  @Option(names = "--qwen-dir", split = ",", paramLabel = "DIR",
      description = "Qwen Code dir(s) to read instead of ~/.qwen.")
  List<Path> qwenDirs = new ArrayList<>();

  @Option(names = "--agent-dir", split = ",", paramLabel = "TOOL=DIR",
      description = "Read TOOL's logs from DIR instead of its variable and default folder (opencode: OPENCODE_DATA_DIR or "
          + "~/.local/share/opencode; copilot-cli: COPILOT_HOME or ~/.copilot; amp: AMP_DATA_DIR or ~/.local/share/amp; kimi: KIMI_DATA_DIR or ~/.kimi; "
          + "droid: DROID_SESSIONS_DIR or ~/.factory/sessions; kilo: KILO_DATA_DIR or ~/.local/share/kilo); repeatable.")
  List<String> agentDirs = new ArrayList<>();

  @Option(names = "--prices", paramLabel = "FILE",
      description = "Price override file (LiteLLM shape; entries may carry effective_from dates).")
  Path prices;

  @Option(names = "--cost", paramLabel = "auto|computed|reported",
      description = "Which cost to show: auto (the cost the log reports, else the catalog's, as ccusage does), "
          + "computed (the catalog's, else the reported), reported (only what the logs report). Default: auto.")
  CostArg cost = CostArg.AUTO;

  @Option(names = "--week-start", paramLabel = "DAY", description = "First day of a week (default: monday).")
  DayOfWeek weekStart = DayOfWeek.MONDAY;

  @Option(names = "--no-cache", description = "Read every log again; neither use nor update the scan cache.")
  boolean noCache;

  @Option(names = "--cache-dir", paramLabel = "DIR",
      description = "Where the scan cache lives (default: $XDG_CACHE_HOME/tokenmaxx or ~/.cache/tokenmaxx).")
  Path cacheDir;

  @Option(names = "--color", negatable = true, description = "Colour the table (default: only on a terminal; NO_COLOR turns it off).")
  Boolean color;

  @Option(names = "--width", paramLabel = "COLUMNS", description = "Table width (default: COLUMNS, else 120).")
  Integer width;

  @Option(names = "--compact", description = "Narrow table (fits 80 columns): no tool and model columns.")
  boolean compact;

  @Option(names = "--threads", paramLabel = "N", description = "Files read in parallel (default: CPU count).")
  Integer threads;

  @Option(names = "--server", paramLabel = "URL",
      description = "Report from a tokenmaxx server's data instead of local logs (same JSON).")
  String server;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "With --server: your token (the one push uses, a read token, or an admin token); or TOKENMAXX_TOKEN.")
  String token;

  @Option(names = "--token-file", paramLabel = "FILE", description = "With --server: a file holding the token.")
  Path tokenFile;

  @Option(names = "--person", paramLabel = "EMAIL",
      description = "With --server and an admin token: whose usage (default: the token's own person).")
  String person;

  @Option(names = {"-O", "--offline"}, hidden = true, description = "Accepted for ccusage compatibility; prices are always local.")
  boolean offline;
}
