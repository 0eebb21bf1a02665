package io.tokenmaxx.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The quick reading of a report's options never disagrees with picocli's: on seeded random command
 * lines (valid and invalid values, every spelling, repeats, strays, help), whatever QuickArgs reads
 * picocli reads to the same options; the rest QuickArgs leaves to picocli.
 */
class QuickArgsTest {
  /** For each option: values, some valid, some not. */
  static final String[][] VALUES = {
      {"--since", "2026-01-05", "20260105", "2026-13-01", "yesterday", " 2026-01-05"},
      {"--until", "2026-02-01", "20260201", "2026-02-30", "x"},
      {"--timezone", "UTC", "Europe/Berlin", "+02:00", "Mars/Olympus", "utc"},
      {"--by", "tool", "MODEL", "Project", "team"},
      {"--cost", "auto", "COMPUTED", "reported", "free"},
      {"--week-start", "monday", "SUNDAY", "Wednesday", "someday"},
      {"--tools", "claude-code", "codex,gemini-cli", "claude,codex", "a,,b", "\"a,b\"", "x,"},
      {"--claude-dir", "/tmp/a", "/tmp/a,/tmp/b", "rel/dir", "~/x"},
      {"--codex-home", "/tmp/c", "/tmp/c,/tmp/d"},
      {"--gemini-dir", "/tmp/g"},
      {"--qwen-dir", "/tmp/q"},
      {"--prices", "/tmp/prices.json", "p.json"},
      {"--cache-dir", "/tmp/cache"},
      {"--width", "80", "120", "0", "007", "-5", "wide", "99999999999"},
      {"--threads", "1", "4", "0", "two"},
      {"--server", "http://127.0.0.1:8420", "https://x"},
      {"--token", "tmx_abc", "t"},
      {"--token-file", "/tmp/token"},
      {"--person", "a@example.com"},
  };
  static final String[] FLAGS = {"--json", "-j", "--no-cache", "--compact", "--offline", "-O", "--color", "--no-color"};
  static final String[] SHORT = {"-s", "--since", "-u", "--until", "-z", "--timezone"};
  static final String[] ODD = {"--help", "-h", "--version", "-V", "--unknown", "stray", "@args.txt", "-js", "--", "",
      "--json=true", "-s2026-01-01", "--since=", "--by="};

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void whatItReadsPicocliReadsTheSame(long seed) throws Exception {
    Random r = new Random(seed);
    int quick = 0;
    for (int round = 0; round < 400; round++) {
      List<String> args = new ArrayList<>();
      boolean plain = true;
      Set<String> used = new HashSet<>();
      int n = r.nextInt(7);
      for (int k = 0; k < n; k++) {
        int pick = r.nextInt(10);
        if (pick < 2) {
          String f = FLAGS[r.nextInt(FLAGS.length)];
          args.add(f);
          if (!used.add(canonical(f))) plain = false;
        } else if (pick < 9) {
          String[] o = VALUES[r.nextInt(VALUES.length)];
          String name = o[0];
          if (r.nextInt(4) == 0) {
            for (int s = 0; s < SHORT.length; s += 2) if (SHORT[s + 1].equals(name)) name = SHORT[s];
          }
          String value = o[1 + r.nextInt(o.length - 1)];
          if (name.startsWith("--") && r.nextBoolean()) {
            args.add(name + "=" + value);
          } else {
            args.add(name);
            args.add(value);
          }
          if (!used.add(canonical(o[0])) && !isList(o[0])) plain = false;
          if (!valid(o[0], value)) plain = false;
        } else {
          args.add(ODD[r.nextInt(ODD.length)]);
          plain = false;
        }
      }
      String[] a = args.toArray(new String[0]);
      ReportOptions q = QuickArgs.parse(a, 0);
      if (plain) assertThat(q).as("plain command line %s should be read quickly", args).isNotNull();
      if (q == null) continue;
      quick++;
      ReportOptions p = picocli(a);
      assertThat(p).as("picocli refuses %s, QuickArgs read it", args).isNotNull();
      assertSame(p, q, args);
    }
    assertThat(quick).isGreaterThan(100);
  }

  @Test
  void knowsEveryOptionOfTheCommand() {
    Set<String> names = new HashSet<>();
    for (OptionSpec o : new CommandLine(new ReportCommand.Daily()).getCommandSpec().options()) {
      if (o.usageHelp() || o.versionHelp()) continue;
      for (String name : o.names()) names.add(name);
      if (o.negatable()) names.add("--no-" + o.longestName().substring(2));
    }
    assertThat(QuickArgs.NAMES).containsExactlyInAnyOrderElementsOf(names);
  }

  static ReportOptions picocli(String[] args) throws Exception {
    ReportCommand.Daily d = new ReportCommand.Daily();
    CommandLine cl = new CommandLine(d);
    cl.setCaseInsensitiveEnumValuesAllowed(true); // as the command line is configured
    try {
      cl.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      return null;
    }
    Field f = ReportCommand.Base.class.getDeclaredField("options");
    f.setAccessible(true);
    return (ReportOptions) f.get(d);
  }

  static void assertSame(ReportOptions p, ReportOptions q, List<String> args) throws IllegalAccessException {
    for (Field f : ReportOptions.class.getDeclaredFields()) {
      if (f.isSynthetic() || java.lang.reflect.Modifier.isStatic(f.getModifiers())) continue;
      f.setAccessible(true);
      Object a = f.get(p);
      Object b = f.get(q);
      if (!Objects.equals(a, b)) fail("%s: picocli read %s, QuickArgs %s for %s", f.getName(), a, b, args);
    }
  }

  static String canonical(String name) {
    return switch (name) {
      case "-j" -> "--json";
      case "-O" -> "--offline";
      case "--no-color" -> "--color";
      default -> name;
    };
  }

  static boolean isList(String name) {
    return Set.of("--tools", "--claude-dir", "--codex-home", "--gemini-dir", "--qwen-dir").contains(name);
  }

  /** The values the table above means as valid for plain reading. */
  static boolean valid(String name, String v) {
    return switch (name) {
      case "--since", "--until" -> v.matches("\\d{4}-\\d{2}-\\d{2}|\\d{8}") && !v.equals("2026-13-01") && !v.equals("2026-02-30");
      case "--timezone" -> !v.equals("Mars/Olympus") && !v.equals("utc");
      case "--by" -> !v.equals("team");
      case "--cost" -> !v.equals("free");
      case "--week-start" -> !v.equals("someday");
      case "--tools" -> !v.contains(",,") && !v.contains("\"") && !v.endsWith(",");
      case "--width", "--threads" -> v.matches("\\d{1,9}");
      default -> true;
    };
  }
}
