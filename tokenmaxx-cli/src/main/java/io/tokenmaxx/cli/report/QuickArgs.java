package io.tokenmaxx.cli.report;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a report's options without building picocli's model of the command, which costs a report
 * about as much time as reading a gigabyte of logs (picocli's Java 5 class files cannot be kept in
 * the ahead-of-time cache, and its model is read by reflection on every run).
 *
 * <p>Only the plain forms are read here: {@code --name value}, {@code --name=value}, the short
 * names as separate words, flags, {@code --[no-]color}. Anything else — help, version, an unknown
 * or repeated option, a value that does not convert, a stray word, an {@code @file} — gives null,
 * and the caller hands the whole command line to picocli, which answers exactly as it always does.
 * {@code QuickArgsTest} checks, on seeded random command lines, that whatever is read here is read
 * the same by picocli.
 */
final class QuickArgs {
  private QuickArgs() {}

  /** Every option name read here (the test compares them with picocli's model). */
  static final Set<String> NAMES = Set.of("-j", "--json", "-s", "--since", "-u", "--until", "-z", "--timezone",
      "--by", "--tools", "--agent-dir", "--claude-dir", "--codex-home", "--gemini-dir", "--qwen-dir", "--prices", "--cost",
      "--week-start", "--no-cache", "--cache-dir", "--color", "--no-color", "--width", "--compact", "--threads",
      "--server", "--token", "--token-file", "--person", "-O", "--offline");

  /** The options that take a list and may be repeated. */
  private static final Set<String> LISTS = Set.of("--tools", "--agent-dir", "--claude-dir", "--codex-home", "--gemini-dir", "--qwen-dir");

  /** The options in {@code args[from..]}, or null when picocli must read them. */
  static ReportOptions parse(String[] args, int from) {
    ReportOptions o = new ReportOptions();
    Set<String> seen = new HashSet<>();
    for (int i = from; i < args.length; i++) {
      String a = args[i];
      String name = a;
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 2) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      }
      if (!NAMES.contains(name)) return null;
      String key = canonical(name);
      if (!seen.add(key) && !LISTS.contains(key)) return null; // picocli refuses a repeated single option
      if (flag(o, key, name)) {
        if (value != null) return null;
        continue;
      }
      if (value == null) {
        if (i + 1 >= args.length) return null;
        value = args[++i];
        // picocli tells values from options by what they look like: leave such cases to it
        if (value.startsWith("-") || NAMES.contains(value)) return null;
      }
      if (value.isEmpty() || value.startsWith("@") || !set(o, key, value)) return null;
    }
    return o;
  }

  private static String canonical(String name) {
    return switch (name) {
      case "-j" -> "--json";
      case "-s" -> "--since";
      case "-u" -> "--until";
      case "-z" -> "--timezone";
      case "-O" -> "--offline";
      case "--no-color" -> "--color";
      default -> name;
    };
  }

  /** Sets a flag; false when {@code key} is not one. */
  private static boolean flag(ReportOptions o, String key, String name) {
    switch (key) {
      case "--json" -> o.json = true;
      case "--no-cache" -> o.noCache = true;
      case "--compact" -> o.compact = true;
      case "--offline" -> o.offline = true;
      case "--color" -> o.color = !name.equals("--no-color");
      default -> {
        return false;
      }
    }
    return true;
  }

  /** Sets one option; false when the value does not convert. */
  private static boolean set(ReportOptions o, String key, String v) {
    return switch (key) {
      case "--since" -> (o.since = DateArg.parse(v)) != null;
      case "--until" -> (o.until = DateArg.parse(v)) != null;
      case "--timezone" -> (o.zone = ZoneArg.parse(v)) != null;
      case "--by" -> (o.by = constant(ReportOptions.By.values(), v)) != null;
      case "--cost" -> (o.cost = constant(ReportOptions.CostArg.values(), v)) != null;
      case "--week-start" -> (o.weekStart = constant(DayOfWeek.values(), v)) != null;
      case "--tools" -> split(v, o.tools, s -> s);
      case "--agent-dir" -> split(v, o.agentDirs, s -> s);
      case "--claude-dir" -> split(v, o.claudeDirs, QuickArgs::path);
      case "--codex-home" -> split(v, o.codexHomes, QuickArgs::path);
      case "--gemini-dir" -> split(v, o.geminiDirs, QuickArgs::path);
      case "--qwen-dir" -> split(v, o.qwenDirs, QuickArgs::path);
      case "--prices" -> (o.prices = path(v)) != null;
      case "--cache-dir" -> (o.cacheDir = path(v)) != null;
      case "--token-file" -> (o.tokenFile = path(v)) != null;
      case "--width" -> (o.width = integer(v)) != null;
      case "--threads" -> (o.threads = integer(v)) != null;
      case "--server" -> (o.server = v) != null;
      case "--token" -> (o.token = v) != null;
      case "--person" -> (o.person = v) != null;
      default -> false;
    };
  }

  /**
   * A comma-separated list; false for the spellings picocli's splitting reads its own way (quotes,
   * empty elements) or an element that does not convert.
   */
  private static <T> boolean split(String v, List<T> into, java.util.function.Function<String, T> convert) {
    if (v.indexOf('"') >= 0 || v.startsWith(",") || v.endsWith(",") || v.contains(",,")) return false;
    for (String s : v.split(",")) {
      T t = convert.apply(s);
      if (t == null) return false;
      into.add(t);
    }
    return true;
  }

  /** An enum constant by name, any case (the command line allows any case), or null. */
  private static <E extends Enum<E>> E constant(E[] values, String v) {
    for (E e : values) if (e.name().equalsIgnoreCase(v)) return e;
    return null;
  }

  private static Path path(String v) {
    try {
      return Path.of(v);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** A plain decimal integer (other spellings are left to picocli), or null. */
  private static Integer integer(String v) {
    if (v.length() > 9) return null;
    for (int i = 0; i < v.length(); i++) if (v.charAt(i) < '0' || v.charAt(i) > '9') return null;
    return v.isEmpty() ? null : Integer.valueOf(v);
  }
}
