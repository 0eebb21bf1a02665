package io.tokenmaxx.cli.report;

import io.tokenmaxx.analyze.CostBasis;
import io.tokenmaxx.collect.local.LocalLogScanner;
import io.tokenmaxx.collect.local.ScanResult;
import io.tokenmaxx.collect.local.ScanStats;
import io.tokenmaxx.collect.local.UsageTable;
import io.tokenmaxx.model.Tools;
import io.tokenmaxx.pricing.PriceCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs one report: configure the scanner from the options, scan, aggregate, print. */
final class ReportRunner {
  private static final Set<String> TOOLS = Set.copyOf(LocalLogScanner.supportedTools());

  private final ReportOptions o;
  private final PrintWriter out;
  private final Map<String, String> env;

  /** Writes the report to {@code out}; bad option combinations throw {@link ReportArgException}. */
  ReportRunner(ReportOptions o, PrintWriter out, Map<String, String> env) {
    this.o = o;
    this.out = out;
    this.env = env;
  }

  int run(ReportKind kind) throws IOException {
    Timing timing = new Timing(env.get("TOKENMAXX_TIMING") != null);
    Usage usage = usage(TOOLS, timing);
    Report report = ReportBuilder.build(kind, usage.table(), o.by, o.since, o.until, usage.zone(),
        o.weekStart, usage.basis(), usage.stats());
    timing.mark("aggregate");
    Terminal term = Terminal.detect(env, o.color, o.width);
    if (o.json) JsonReport.write(report, out);
    else new TableReport(report, term, o.compact).write(out);
    out.flush();
    timing.mark("output");
    usage.awaitCacheWritten();
    timing.mark("cache");
    return 0;
  }

  /**
   * What a report aggregates: the scanned local logs or a server's records, with the time zone and
   * cost basis the options ask for ({@code stats} and {@code scanner} are null for a server's).
   */
  record Usage(UsageTable table, ScanStats stats, ZoneId zone, CostBasis basis, LocalLogScanner scanner) {
    /** Waits for the scan cache, which is written while the report is built and printed. */
    void awaitCacheWritten() {
      if (scanner != null) scanner.awaitCacheWritten();
    }
  }

  /**
   * The usage the options select: {@code --tools} (else {@code defaultTools} for local logs, every
   * tool for a server), from the local logs or {@code --server}.
   */
  Usage usage(Set<String> defaultTools, Timing timing) throws IOException {
    if (o.since != null && o.until != null && o.since.isAfter(o.until)) {
      throw new ReportArgException("--since " + o.since + " is after --until " + o.until);
    }
    Set<String> tools = new LinkedHashSet<>();
    for (String t : o.tools) {
      String name = AgentDirs.canonical(t);
      if (name.isEmpty()) throw new ReportArgException("--tools: empty tool name in '" + String.join(",", o.tools) + "'");
      // A server stores usage of any tool (OpenTelemetry apps, the ingest API, gateways, importers).
      if (o.server == null && !TOOLS.contains(name)) {
        throw new ReportArgException("--tools: unknown tool '" + t + "', expected " + String.join(", ", TOOLS.stream().sorted().toList())
            + " (with --server, any tool the server stores)");
      }
      tools.add(name);
    }
    ZoneId zone = o.zone != null ? o.zone : ZoneId.systemDefault();
    CostBasis basis = switch (o.cost) {
      case AUTO -> CostBasis.REPORTED_FIRST;
      case COMPUTED -> CostBasis.COMPUTED_FIRST;
      case REPORTED -> CostBasis.REPORTED;
    };
    if (o.server != null) return new Usage(remote(tools, timing), null, zone, basis, null); // no --tools: every tool stored
    if (tools.isEmpty()) tools.addAll(defaultTools);
    if (o.person != null) throw new ReportArgException("--person needs --server (local logs are yours)");
    if (o.threads != null && o.threads < 1) {
      throw new ReportArgException("--threads must be >= 1, was " + o.threads);
    }
    String homeEnv = env.get("HOME");
    Path home = Path.of(homeEnv != null && !homeEnv.isBlank() ? homeEnv : System.getProperty("user.home"));
    LocalLogScanner.Builder b = LocalLogScanner.builder().home(home).env(env)
        .claudeDirs(o.claudeDirs).codexHomes(o.codexHomes).geminiDirs(o.geminiDirs).qwenDirs(o.qwenDirs).tools(tools);
    try {
      AgentDirs.parse(o.agentDirs).forEach(b::agentDirs);
    } catch (IllegalArgumentException e) {
      throw new ReportArgException(e.getMessage());
    }
    if (o.prices != null) b.priceCatalog(PriceCatalog.bundled().withOverrides(o.prices));
    if (o.threads != null) b.threads(o.threads);
    Terminal term = Terminal.detect(env, o.color, o.width);
    Progress progress = term.stderrTty() && !o.json ? new Progress(System.err) : null;
    if (progress != null) b.progress(progress);
    if (!o.noCache) b.cacheFile(cacheFile(b.build().sources().toString(), home));
    LocalLogScanner scanner = b.build();
    timing.mark("setup");
    ScanResult result;
    try {
      result = scanner.scan();
    } finally {
      if (progress != null) progress.clear();
    }
    timing.mark("scan");
    return new Usage(result.table(), result.stats(), zone, basis, scanner);
  }

  /** The records a server holds (fetched as NDJSON): of every tool, or of the {@code --tools} named. */
  private UsageTable remote(Set<String> tools, Timing timing) throws IOException {
    String token = o.token != null ? o.token : env.get("TOKENMAXX_TOKEN");
    if (o.tokenFile != null) {
      try {
        token = java.nio.file.Files.readString(o.tokenFile).strip();
      } catch (java.nio.file.NoSuchFileException e) {
        throw new ReportArgException("--token-file " + o.tokenFile + " does not exist");
      }
    }
    if (token == null || token.isBlank()) {
      throw new ReportArgException("--server needs a token: --token, --token-file or TOKENMAXX_TOKEN");
    }
    List<io.tokenmaxx.model.UsageRecord> records;
    try {
      records = new RemoteRecords(o.server, token).fetch(o.person, o.since, o.until);
      if (!tools.isEmpty()) records = records.stream().filter(r -> tools.contains(r.tool())).toList();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
    timing.mark("fetch");
    return io.tokenmaxx.collect.local.RecordTable.of(records);
  }

  /** One cache file per set of log directories, under the user's cache dir. */
  private Path cacheFile(String sources, Path home) {
    Path dir = o.cacheDir;
    if (dir == null) {
      String xdg = env.get("XDG_CACHE_HOME");
      dir = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache")).resolve("tokenmaxx");
    }
    long h = 1125899906842597L;
    for (int i = 0; i < sources.length(); i++) h = 31 * h + sources.charAt(i);
    return dir.resolve("local-logs-" + Long.toHexString(h) + ".bin");
  }

  static List<String> toolNames() {
    return TOOLS.stream().sorted().toList();
  }
}
