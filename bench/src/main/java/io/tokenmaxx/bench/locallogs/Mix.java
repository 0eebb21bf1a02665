package io.tokenmaxx.bench.locallogs;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How much of a generated corpus is written in today's formats (Claude Code 2.1, Codex 0.16x)
 * and how large their lines are. The {@code classic} profile writes none of them (the corpus the
 * earlier benchmark rounds used, byte for byte); {@code current} writes the defaults below, which
 * come from the real agents' captured logs and are documented with their measurements in
 * docs/BENCHMARKS.md. Any value can be overridden: {@code --mix claudeCurrent=0.8,blobMedian=9000}.
 *
 * <ul>
 *   <li>{@code claudeCurrent}, {@code codexCurrent}: share of the bytes written in today's format;</li>
 *   <li>{@code usageFirst}: share of today's Claude sessions whose assistant lines put
 *       {@code usage} before {@code content} (Claude Code 2.1.328 does; the rest put the content,
 *       several KiB, before it, as earlier 2.x did);</li>
 *   <li>{@code sessionMedian}: median bytes of a session file in today's format (heavy-tailed);</li>
 *   <li>{@code blobMedian}: median bytes of an {@code api-request-blob} line (3-15 KiB);</li>
 *   <li>{@code blockMedian}: median bytes of an assistant content block (text, thinking,
 *       {@code tool_use} input carrying a file);</li>
 *   <li>{@code toolResultMedian}: median bytes of a tool result;</li>
 *   <li>{@code attachmentMedian}: median bytes of an {@code attachment} line;</li>
 *   <li>{@code shapeMedian}: median bytes of an {@code api-request-shape} line (system prompt
 *       and tools, once per session and when they change);</li>
 *   <li>{@code subagentShare}: share of turns that start a sub-agent (its own file).</li>
 * </ul>
 */
final class Mix {
  private static final Map<String, Double> CURRENT = new LinkedHashMap<>();

  static {
    CURRENT.put("claudeCurrent", 0.5);
    CURRENT.put("codexCurrent", 0.5);
    CURRENT.put("usageFirst", 0.5);
    CURRENT.put("sessionMedian", 48_000.0);
    CURRENT.put("blobMedian", 6_000.0);
    CURRENT.put("blockMedian", 2_500.0);
    CURRENT.put("toolResultMedian", 3_000.0);
    CURRENT.put("attachmentMedian", 1_400.0);
    CURRENT.put("shapeMedian", 70_000.0);
    CURRENT.put("subagentShare", 0.25);
  }

  final String profile;
  private final Map<String, Double> values;

  private Mix(String profile, Map<String, Double> values) {
    this.profile = profile;
    this.values = values;
  }

  /** {@code classic} or {@code current}, then {@code key=value,...} overrides (may be null). */
  static Mix of(String profile, String overrides) {
    Map<String, Double> v = new LinkedHashMap<>(CURRENT);
    if (profile.equals("classic")) {
      v.put("claudeCurrent", 0.0);
      v.put("codexCurrent", 0.0);
    } else if (!profile.equals("current")) {
      throw new IllegalArgumentException("unknown profile '" + profile + "', expected classic or current");
    }
    if (overrides != null && !overrides.isBlank()) {
      for (String kv : overrides.split(",")) {
        int eq = kv.indexOf('=');
        String k = eq < 0 ? kv.trim() : kv.substring(0, eq).trim();
        if (eq < 0 || !v.containsKey(k)) {
          throw new IllegalArgumentException("bad --mix entry '" + kv + "', expected one of " + v.keySet() + " as key=value");
        }
        double d;
        try {
          d = Double.parseDouble(kv.substring(eq + 1).trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("bad --mix value in '" + kv + "': not a number");
        }
        boolean share = k.endsWith("Current") || k.endsWith("Share") || k.equals("usageFirst");
        if (d < 0 || (share && d > 1)) {
          throw new IllegalArgumentException("bad --mix value in '" + kv + "': " + (share ? "a share in [0, 1]" : "must be >= 0"));
        }
        v.put(k, d);
      }
    }
    return new Mix(profile, v);
  }

  double get(String key) {
    Double d = values.get(key);
    if (d == null) throw new IllegalArgumentException(key);
    return d;
  }

  int bytes(String key) {
    return (int) Math.max(1, get(key));
  }

  /** The parameters as written to the manifest. */
  String json() {
    StringBuilder sb = new StringBuilder("{\"profile\":\"").append(profile).append('"');
    for (var e : values.entrySet()) sb.append(",\"").append(e.getKey()).append("\":").append(fmt(e.getValue()));
    return sb.append('}').toString();
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
  }
}
