package io.tokenmaxx.collect.local;

import io.tokenmaxx.component.CheckResult;
import io.tokenmaxx.component.Component;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.Tools;
import io.tokenmaxx.pricing.PriceCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the coding-agent logs on this machine into deduplicated, priced {@link UsageRecord}s:
 * Claude Code transcripts, Codex CLI rollouts, Gemini CLI chats and Qwen Code chats, from the
 * agents' default locations or the directories configured on the builder.
 *
 * <p>Files are read in parallel, streaming, and only lines carrying usage are parsed. With a cache
 * file, a re-scan reads nothing of unchanged files and only the appended bytes of grown ones;
 * rewritten or truncated files are read again; deduplication always runs over all files, so
 * results are the same with or without the cache.
 *
 * <pre>{@code
 * ScanResult r = LocalLogScanner.builder().cacheFile(Path.of("~/.cache/tokenmaxx/scan.bin")).build().scan();
 * }</pre>
 */
public final class LocalLogScanner implements Component {
  /**
   * From this many bytes to read on, loading the C library's searches (tens of milliseconds of
   * CPU, see {@link LibC}) pays for itself; a re-scan of a few appended lines stays in Java.
   */
  static final long NATIVE_READ_BYTES = 64L << 20;

  private final Path home;
  private final Map<String, String> env;
  private final List<Path> claudeDirs;
  private final List<Path> codexHomes;
  private final List<Path> geminiDirs;
  private final List<Path> qwenDirs;
  private final Map<String, List<Path>> agentDirs;
  private final Set<String> tools;
  private final Path cacheFile;
  private final boolean nativeSearch;
  private final int threads;
  private final java.util.function.Supplier<PriceCatalog> catalog;
  private final java.util.function.LongSupplier catalogFingerprint;
  private final RawIdentity identity;
  private final ScanProgress progress;

  private LocalLogScanner(Builder b) {
    home = b.home;
    env = b.env;
    claudeDirs = List.copyOf(b.claudeDirs);
    codexHomes = List.copyOf(b.codexHomes);
    geminiDirs = List.copyOf(b.geminiDirs);
    qwenDirs = List.copyOf(b.qwenDirs);
    agentDirs = Map.copyOf(b.agentDirs);
    tools = Set.copyOf(b.tools);
    cacheFile = b.cacheFile;
    nativeSearch = b.nativeSearch;
    threads = b.threads;
    catalog = b.catalog;
    catalogFingerprint = b.catalogFingerprint;
    identity = b.identity;
    progress = b.progress;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The log directories this scanner reads, per tool (only those that exist). */
  public Map<String, List<Path>> sources() {
    Map<String, List<Path>> m = new java.util.LinkedHashMap<>();
    if (tools.contains(Tools.CLAUDE_CODE)) m.put(Tools.CLAUDE_CODE, ClaudeLogs.configDirs(claudeDirs, env, home));
    if (tools.contains(Tools.CODEX)) {
      m.put(Tools.CODEX, CodexLogs.homes(codexHomes, env, home).stream().filter(Files::isDirectory).toList());
    }
    if (tools.contains(Tools.GEMINI_CLI)) m.put(Tools.GEMINI_CLI, GeminiLogs.dirs(geminiDirs, env, home));
    if (tools.contains(Tools.QWEN_CODE)) m.put(Tools.QWEN_CODE, QwenLogs.dirs(qwenDirs, env, home));
    for (AgentSource a : agents()) m.put(a.tool(), a.dirs(agentDirs.getOrDefault(a.tool(), List.of()), env, home));
    return m;
  }

  /** The tools a scanner can read, in the order they are listed. */
  public static List<String> supportedTools() {
    List<String> t = new ArrayList<>(List.of(Tools.CLAUDE_CODE, Tools.CODEX, Tools.GEMINI_CLI, Tools.QWEN_CODE));
    for (AgentSource a : AgentSources.ALL) t.add(a.tool());
    return List.copyOf(t);
  }

  /** The environment variable that moves a tool's logs, or null ({@link #supportedTools()}). */
  public static String locationVariable(String tool) {
    return switch (tool) {
      case Tools.CLAUDE_CODE -> "CLAUDE_CONFIG_DIR";
      case Tools.CODEX -> "CODEX_HOME";
      case Tools.GEMINI_CLI -> "GEMINI_DATA_DIR";
      case Tools.QWEN_CODE -> "QWEN_DATA_DIR";
      default -> {
        AgentSource a = AgentSources.byTool(tool);
        yield a == null ? null : a.envVar();
      }
    };
  }

  /** The selected agents read through {@link AgentSource}. */
  private List<AgentSource> agents() {
    List<AgentSource> out = new ArrayList<>();
    for (AgentSource a : AgentSources.ALL) if (tools.contains(a.tool())) out.add(a);
    return out;
  }

  /** Scans all sources; never fails on a bad line, fails on a bad configured directory. */
  public ScanResult scan() throws IOException {
    // without a cache every file will be read: once enough is found, get the C library's searches
    // ready while the rest is listed
    boolean cold = nativeSearch && (cacheFile == null || !Files.exists(cacheFile));
    // Claude Code's folders are listed here while the other tools' are listed beside them
    java.util.concurrent.FutureTask<List<List<LogFile>>> others = new java.util.concurrent.FutureTask<>(() -> {
      List<LogFile> codex = tools.contains(Tools.CODEX) ? CodexLogs.files(CodexLogs.homes(codexHomes, env, home)) : List.of();
      if (cold) prepareNativeReads(codex);
      List<List<LogFile>> lists = new ArrayList<>(List.of(codex,
          tools.contains(Tools.GEMINI_CLI) ? GeminiLogs.files(GeminiLogs.dirs(geminiDirs, env, home)) : List.of(),
          tools.contains(Tools.QWEN_CODE) ? QwenLogs.files(QwenLogs.dirs(qwenDirs, env, home)) : List.of()));
      for (AgentSource a : agents()) lists.add(a.files(a.dirs(agentDirs.getOrDefault(a.tool(), List.of()), env, home)));
      return lists;
    });
    Thread lister = new Thread(others, "tokenmaxx-discovery");
    lister.setDaemon(true);
    lister.start();
    List<LogFile> claude = tools.contains(Tools.CLAUDE_CODE)
        ? ClaudeLogs.files(ClaudeLogs.configDirs(claudeDirs, env, home)) : List.of();
    if (cold) prepareNativeReads(claude);
    List<List<LogFile>> found = await(others);
    List<LogFile> codex = found.get(0);
    List<LogFile> gemini = found.get(1);
    List<LogFile> qwen = found.get(2);
    List<LogFile> all = new ArrayList<>(claude.size() + codex.size() + gemini.size() + qwen.size());
    all.addAll(claude);
    all.addAll(codex);
    all.addAll(gemini);
    all.addAll(qwen);
    for (int k = 3; k < found.size(); k++) all.addAll(found.get(k));

    ScanCache cache = cacheFile == null ? ScanCache.empty() : ScanCache.load(cacheFile);
    // the same files with the same identities as when the cache was written: nothing to read
    long listing = ScanCache.listingFingerprint(all);
    FileScan[] scans = cache.sameListing(listing) ? reuse(all, cache) : null;
    if (scans == null) scans = read(all, cache);
    List<FileScan> scanList = Arrays.asList(scans);
    List<FileScan> claudeScans = scanList.subList(0, claude.size());
    int codexEnd = claude.size() + codex.size();
    int geminiEnd = codexEnd + gemini.size();
    List<FileScan> codexScans = scanList.subList(claude.size(), codexEnd);
    List<FileScan> geminiScans = scanList.subList(codexEnd, geminiEnd);
    int qwenEnd = geminiEnd + qwen.size();
    List<FileScan> qwenScans = scanList.subList(geminiEnd, qwenEnd);
    // the agents read whole, each its own range after Qwen Code's
    List<List<FileScan>> agentScans = new ArrayList<>();
    for (int k = 3, from = qwenEnd; k < found.size(); k++) {
      agentScans.add(scanList.subList(from, from + found.get(k).size()));
      from += found.get(k).size();
    }
    long fingerprint = catalogFingerprint.getAsLong();
    ScanCache.Result cached = anyChange(scans, cache) ? null : cache.result(scans, fingerprint, scanList, identity);
    UsageTable table;
    long duplicates, unpricedRecords, fallbackRecords;
    int claudeRecords;
    if (cached != null) {
      table = cached.table();
      duplicates = cached.duplicates();
      unpricedRecords = cached.unpriced();
      fallbackRecords = cached.fallback();
      claudeRecords = cached.claudeRecords();
    } else {
      ClaudeDedup cd = new ClaudeDedup(claudeScans).run();
      CodexDedup xd = new CodexDedup(codexScans).run();
      IdDedup gd = new IdDedup(geminiScans).run();
      IdDedup qd = new IdDedup(qwenScans).run();
      List<IdDedup> ads = new ArrayList<>();
      int agentRows = 0;
      for (List<FileScan> a : agentScans) {
        IdDedup d = new IdDedup(a).run();
        ads.add(d);
        agentRows += d.size;
      }
      TableBuilder tb = new TableBuilder(catalog.get(), identity, cd.size + xd.size + gd.size + qd.size + agentRows);
      tb.add(claudeScans, cd.file, cd.row, cd.size);
      claudeRecords = tb.size();
      tb.add(codexScans, xd.file, xd.row, xd.size);
      tb.add(geminiScans, gd.file, gd.row, gd.size);
      tb.add(qwenScans, qd.file, qd.row, qd.size);
      for (int k = 0; k < ads.size(); k++) tb.add(agentScans.get(k), ads.get(k).file, ads.get(k).row, ads.get(k).size);
      table = tb.build();
      duplicates = cd.duplicates + xd.duplicates + gd.duplicates + qd.duplicates;
      for (IdDedup d : ads) duplicates += d.duplicates;
      unpricedRecords = tb.unpriced;
      fallbackRecords = tb.fallback;
      if (cacheFile != null) {
        // written while the caller builds and prints its report (awaitCacheWritten)
        ScanCache.saveInBackground(cacheFile, scans, fingerprint, listing, table, duplicates, unpricedRecords,
            fallbackRecords, claudeRecords);
      }
    }

    int parsed = 0, appended = 0, fromCache = 0;
    long bytes = 0, usage = 0, malformed = 0, invalid = 0, oversized = 0;
    for (FileScan s : scans) {
      switch (s.origin) {
        case PARSED -> parsed++;
        case APPENDED -> appended++;
        case CACHED -> fromCache++;
      }
      bytes += s.bytesRead;
      usage += s.markedLines;
      malformed += s.malformedTotal();
      invalid += s.invalidTotal();
      oversized += s.oversizedLines;
    }
    Map<String, Long> byTool = new HashMap<>();
    for (int i = 0; i < table.size(); i++) byTool.merge(table.string(table.toolId(i)), 1L, Long::sum);
    ScanStats stats = new ScanStats(scans.length, parsed, appended, fromCache, bytes, usage, malformed,
        invalid, oversized, duplicates, table.size(), unpricedRecords, fallbackRecords, byTool);
    return new ScanResult(table, stats);
  }

  /**
   * Waits until the scan cache written by {@link #scan()} (on a thread of its own, while the
   * caller uses the result) is on disk; the JVM also waits for it before it exits.
   */
  public void awaitCacheWritten() {
    ScanCache.awaitWrites();
  }

  /** Every file as its cached scan, or null when one is not in the cache. */
  private static FileScan[] reuse(List<LogFile> files, ScanCache cache) {
    FileScan[] out = new FileScan[files.size()];
    for (int i = 0; i < out.length; i++) {
      FileScan c = cache.get(files.get(i).path());
      if (c == null) return null;
      out[i] = c.reuse(files.get(i));
    }
    return out;
  }

  /** Starts loading the C library's searches when these files alone are worth it. */
  private static void prepareNativeReads(List<LogFile> files) {
    long bytes = 0;
    for (LogFile f : files) if (f.identity() != null) bytes += f.identity().size();
    if (bytes >= NATIVE_READ_BYTES) LibC.startLoading();
  }

  /** The task's result, its failure rethrown as it was thrown. */
  private static <T> T await(java.util.concurrent.FutureTask<T> task) throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("scan interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) throw io;
      if (c instanceof RuntimeException re) throw re;
      if (c instanceof Error err) throw err;
      throw new IOException(c);
    }
  }

  private static boolean anyChange(FileScan[] scans, ScanCache cache) {
    if (scans.length != cache.size()) return true;
    for (FileScan s : scans) if (s.origin != FileScan.Origin.CACHED) return true;
    return false;
  }

  /** Reads every file that needs reading, largest first, on {@code threads} threads. */
  private FileScan[] read(List<LogFile> files, ScanCache cache) throws IOException {
    FileScan[] out = new FileScan[files.size()];
    List<Integer> todo = new ArrayList<>();
    FileParser.Identity[] ids = new FileParser.Identity[files.size()];
    FileScan[] previous = new FileScan[files.size()];
    long total = 0;
    for (int i = 0; i < files.size(); i++) {
      LogFile f = files.get(i);
      FileParser.Identity id = f.identity();
      if (id == null) {
        try {
          id = FileParser.Identity.of(f.path());
        } catch (java.nio.file.NoSuchFileException gone) {
          out[i] = emptyScan(f);
          continue;
        }
      }
      ids[i] = id;
      FileScan c = cache.get(f.path());
      if (c != null && c.fileKey.equals(id.fileKey()) && c.size == id.size() && c.mtime == id.mtime()) {
        out[i] = c.reuse(f);
        continue;
      }
      if (c != null && !f.format().wholeFile() && c.fileKey.equals(id.fileKey()) && id.size() > c.size
          && headMatches(f.path(), c)) {
        previous[i] = c;
        total += id.size() - c.committed;
      } else {
        total += id.size();
      }
      todo.add(i);
    }
    if (!todo.isEmpty()) preloadCatalog();
    if (nativeSearch && total >= NATIVE_READ_BYTES) LibC.startLoading();
    todo.sort(Comparator.comparingLong((Integer i) -> -(ids[i].size())));
    // largest first (the last files to finish are small), except while the C library's searches
    // are still loading: then the smallest, so that the large files wait for the faster reader
    int[] ends = {0, todo.size() - 1};
    java.util.function.IntSupplier next = () -> {
      synchronized (ends) {
        if (ends[0] > ends[1]) return -1;
        return nativeSearch && LibC.loading() ? ends[1]-- : ends[0]++;
      }
    };
    AtomicLong done = new AtomicLong();
    long totalBytes = total;
    IOException[] failure = new IOException[1];
    Runnable worker = () -> {
      FileParser parser = new FileParser(nativeSearch);
      int k;
      while ((k = next.getAsInt()) >= 0) {
        int i = todo.get(k);
        LogFile f = files.get(i);
        try {
          FileScan s = parser.parse(f, ids[i], previous[i]);
          out[i] = s;
          progress.fileDone(done.addAndGet(s.bytesRead), totalBytes, s.bytesRead);
        } catch (java.nio.file.NoSuchFileException gone) {
          out[i] = emptyScan(f);
        } catch (IOException e) {
          synchronized (failure) {
            if (failure[0] == null) failure[0] = new IOException("cannot read " + f.path() + ": " + e.getMessage(), e);
          }
        }
      }
    };
    int n = Math.max(1, Math.min(threads, todo.size()));
    Thread[] workers = new Thread[n - 1];
    for (int t = 0; t < workers.length; t++) {
      workers[t] = new Thread(worker, "tokenmaxx-scan-" + t);
      workers[t].start();
    }
    worker.run();
    for (Thread t : workers) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("scan interrupted", e);
      }
    }
    if (failure[0] != null) throw failure[0];
    return out;
  }

  /**
   * Files will be parsed, so their records will be priced: read the price catalog on a thread of
   * its own meanwhile rather than after the files (the catalog memoizes itself; the table waits
   * for it if it is not ready).
   */
  private void preloadCatalog() {
    Thread t = new Thread(() -> {
      try {
        catalog.get();
      } catch (RuntimeException e) {
        // reported when the table asks for the catalog
      }
    }, "tokenmaxx-prices");
    t.setDaemon(true);
    t.start();
  }

  private static FileScan emptyScan(LogFile f) {
    FileScan s = new FileScan(f);
    s.fileKey = "";
    if (f.format() == LogFile.Format.CODEX) s.state = new CodexLineParser.State();
    return s;
  }

  private static boolean headMatches(Path p, FileScan cached) {
    try (var ch = java.nio.channels.FileChannel.open(p)) {
      return FileParser.headHash(ch, cached.headLength) == cached.headHash;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public CheckResult check() {
    try {
      sources();
      return CheckResult.ok("local-logs");
    } catch (RuntimeException e) {
      return CheckResult.failed("local-logs", e);
    }
  }

  @Override
  public void close() {}

  /** Configures a {@link LocalLogScanner}; every setting has the agents' own default. */
  public static final class Builder {
    private Path home = defaultHome();
    private Map<String, String> env = System.getenv();
    private final List<Path> claudeDirs = new ArrayList<>();
    private final List<Path> codexHomes = new ArrayList<>();
    private final List<Path> geminiDirs = new ArrayList<>();
    private final List<Path> qwenDirs = new ArrayList<>();
    private final Map<String, List<Path>> agentDirs = new HashMap<>();
    private final Set<String> tools = new LinkedHashSet<>(supportedTools());
    private Path cacheFile;
    private boolean nativeSearch = true;
    private int threads = Runtime.getRuntime().availableProcessors();
    private java.util.function.Supplier<PriceCatalog> catalog = PriceCatalog::bundled;
    private java.util.function.LongSupplier catalogFingerprint = PriceCatalog::bundledFingerprint;
    private RawIdentity identity;
    private ScanProgress progress = ScanProgress.NONE;

    private Builder() {}

    /** The home directory the default locations are under (default: {@code $HOME}, else {@code user.home}). */
    public Builder home(Path v) { home = Objects.requireNonNull(v, "home"); return this; }
    /** Environment read for CLAUDE_CONFIG_DIR, CODEX_HOME, XDG_CONFIG_HOME (default: the process's). */
    public Builder env(Map<String, String> v) { env = Map.copyOf(v); return this; }
    /** Claude config directories to read instead of CLAUDE_CONFIG_DIR and the defaults. */
    public Builder claudeDirs(List<Path> v) { claudeDirs.clear(); claudeDirs.addAll(v); return this; }
    /** Codex homes to read instead of CODEX_HOME and {@code ~/.codex}. */
    public Builder codexHomes(List<Path> v) { codexHomes.clear(); codexHomes.addAll(v); return this; }
    /** Gemini CLI directories to read instead of {@code ~/.gemini}. */
    public Builder geminiDirs(List<Path> v) { geminiDirs.clear(); geminiDirs.addAll(v); return this; }
    /** Qwen Code directories to read instead of {@code ~/.qwen}. */
    public Builder qwenDirs(List<Path> v) { qwenDirs.clear(); qwenDirs.addAll(v); return this; }
    /**
     * Directories to read for {@code tool} (one of {@link #supportedTools()} beyond the four
     * above) instead of its variable and default locations.
     */
    public Builder agentDirs(String tool, List<Path> v) {
      if (AgentSources.byTool(tool) == null) throw new IllegalArgumentException("no directories to set for tool '" + tool + "'");
      agentDirs.put(tool, List.copyOf(v));
      return this;
    }
    /** Which tools to read ({@link Tools} names); default all supported. */
    public Builder tools(Set<String> v) { tools.clear(); tools.addAll(v); return this; }
    /** Where to keep the incremental-scan cache; null (the default) scans without one. */
    public Builder cacheFile(Path v) { cacheFile = v; return this; }
    /**
     * Whether large reads may search the logs with the C library (JDK 22+, see the module README);
     * on by default. Off, every file is read by the plain-Java scanner.
     */
    public Builder nativeSearch(boolean v) { nativeSearch = v; return this; }
    public Builder threads(int v) {
      if (v < 1) throw new IllegalArgumentException("threads must be >= 1, was " + v);
      threads = v;
      return this;
    }
    /** The prices records are costed with (default: the bundled catalog, parsed only when needed). */
    public Builder priceCatalog(PriceCatalog v) {
      Objects.requireNonNull(v, "catalog");
      catalog = () -> v;
      catalogFingerprint = v::fingerprint;
      return this;
    }
    /** The identity records carry (default: the host user). */
    public Builder identity(RawIdentity v) { identity = v; return this; }
    public Builder progress(ScanProgress v) { progress = Objects.requireNonNull(v, "progress"); return this; }

    public LocalLogScanner build() {
      if (identity == null) {
        String user = System.getProperty("user.name");
        identity = user == null || user.isBlank() ? null : new RawIdentity(RawIdentity.Kind.HOST_USER, user);
      }
      for (String t : tools) {
        if (!supportedTools().contains(t)) {
          throw new IllegalArgumentException("unknown tool '" + t + "', expected one of " + String.join(", ", supportedTools()));
        }
      }
      return new LocalLogScanner(this);
    }
  }

  /** {@code $HOME} (what the agents use), else the JVM's {@code user.home}. */
  static Path defaultHome() {
    String h = System.getenv("HOME");
    return Path.of(h != null && !h.isBlank() ? h : System.getProperty("user.home"));
  }
}
