package io.tokenmaxx.collect.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A coding agent whose logs are read whole (a session file or a database that is rewritten, not
 * only appended to): where its logs are, and how one file becomes usage entries. Each entry's
 * {@code messageId} is its dedupe key (a key counts once, its largest copy) and its
 * {@code requestId} is {@code provider \0 project \0 session} ({@link #entryContext}): sessions
 * and projects come from the entries, not from the file's path.
 *
 * <p>The agents before these (Claude Code, Codex, Gemini CLI, Qwen Code) have their own readers.
 */
interface AgentSource {
  /** The {@link io.tokenmaxx.model.Tools} name of the agent's records. */
  String tool();

  /** The environment variable that moves the agent's data (comma-separated list), or null. */
  String envVar();

  /** The agent's default data directories under {@code home} (those that exist are read). */
  List<Path> defaultDirs(Map<String, String> env, Path home);

  /** The files to read under the agent's data directories. */
  List<LogFile> files(List<Path> dirs) throws IOException;

  /** Parses a whole file into {@code t}; returns the number of records that could not be read. */
  int parse(LogFile file, EntryTable t, StringPool pool) throws IOException;

  /** The directories to read: {@code explicit} (each must exist), else the variable's, else the defaults. */
  default List<Path> dirs(List<Path> explicit, Map<String, String> env, Path home) {
    Set<Path> dirs = new LinkedHashSet<>();
    if (!explicit.isEmpty()) {
      for (Path p : explicit) {
        if (!Files.isDirectory(p)) throw new IllegalArgumentException(tool() + " directory " + p + " is not a directory");
        dirs.add(p.toAbsolutePath().normalize());
      }
      return List.copyOf(dirs);
    }
    String v = envVar() == null ? null : env.get(envVar());
    if (v != null && !v.isBlank()) {
      for (String raw : v.split(",")) {
        if (raw.isBlank()) continue;
        Path p = Path.of(raw.trim());
        if (Files.isDirectory(p)) dirs.add(p.toAbsolutePath().normalize());
      }
      return List.copyOf(dirs);
    }
    for (Path p : defaultDirs(env, home)) if (Files.isDirectory(p)) dirs.add(p.toAbsolutePath().normalize());
    return List.copyOf(dirs);
  }

  /** {@code $XDG_DATA_HOME} (else {@code ~/.local/share}) joined with {@code name}. */
  static Path xdgData(Map<String, String> env, Path home, String name) {
    String xdg = env.get("XDG_DATA_HOME");
    return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve(name);
  }

  /** Adds a usage entry; tokens must already be disjoint. Returns the row, or -1 when it has no tokens. */
  static int add(EntryTable t, StringPool pool, long time, String model, String session, String key,
      String provider, String project, long input, long output, long cacheRead, long cacheWrite, long reasoning,
      String reportedCost) {
    if (input + output + cacheRead + cacheWrite + reasoning == 0) return -1;
    int r = t.add();
    t.timestamp[r] = time;
    t.input[r] = input;
    t.output[r] = output;
    t.cacheRead[r] = cacheRead;
    t.cacheWrite5m[r] = cacheWrite;
    t.reasoning[r] = reasoning;
    if (model != null) t.model[r] = pool.intern(model);
    t.messageId[r] = pool.intern(key);
    t.requestId[r] = pool.intern(entryContext(provider, project, session));
    if (reportedCost != null) t.reportedCost[r] = pool.intern(reportedCost);
    return r;
  }

  static String entryContext(String provider, String project, String session) {
    return (provider == null ? "" : provider) + "\u0000" + (project == null ? "" : project) + "\u0000"
        + (session == null ? "" : session);
  }

  /** Part {@code k} (0 provider, 1 project, 2 session) of an entry's context; null when empty. */
  static String contextPart(String context, int k) {
    int from = 0;
    for (int i = 0; i < k; i++) {
      from = context.indexOf('\u0000', from) + 1;
      if (from == 0) return null;
    }
    int to = context.indexOf('\u0000', from);
    String v = to < 0 ? context.substring(from) : context.substring(from, to);
    return v.isEmpty() ? null : v;
  }
}
