package io.tokenmaxx.bench.locallogs;

import java.util.Random;

/**
 * Cheap, seeded, realistic-looking text for generated logs: words, code-like lines, non-ASCII
 * characters and the characters JSON must escape (quotes, backslashes, newlines, tabs).
 */
final class RandomText {
  private static final String[] WORDS = {
      "the", "function", "return", "value", "import", "class", "public", "private", "static",
      "const", "let", "async", "await", "error", "result", "config", "handler", "request",
      "response", "token", "usage", "model", "session", "project", "build", "test", "assert",
      "müller", "naïve", "café", "日本語", "—", "→", "✓", "emoji🙂", "if", "else", "for", "while",
      "string", "number", "object", "array", "null", "true", "false", "{", "}", "(", ")", ";",
      "\"quoted\"", "back\\slash", "tab\there", "path/to/file.java", "C:\\Users\\dev", "<div>",
      "SELECT", "FROM", "WHERE", "x += 1", "// comment", "# heading", "- item", "`code`"};

  private final Random random;
  private final String pool;

  RandomText(Random random) {
    this.random = random;
    StringBuilder sb = new StringBuilder(1 << 20);
    while (sb.length() < (1 << 20)) {
      sb.append(WORDS[random.nextInt(WORDS.length)]);
      int r = random.nextInt(100);
      sb.append(r < 8 ? "\n" : r < 10 ? "\n    " : " ");
    }
    pool = sb.toString();
  }

  /** About {@code chars} characters of text, unescaped. */
  String text(int chars) {
    if (chars <= 0) return "";
    StringBuilder sb = new StringBuilder(chars + 16);
    while (sb.length() < chars) {
      int take = Math.min(chars - sb.length(), pool.length() / 2);
      int start = random.nextInt(pool.length() - take);
      sb.append(pool, start, start + take);
    }
    return sb.toString();
  }

  /** Base64-looking payload (images, encrypted reasoning) of exactly {@code chars} characters. */
  String base64(int chars) {
    char[] c = new char[chars];
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < chars; i++) c[i] = alphabet.charAt(random.nextInt(64));
    return new String(c);
  }

  /** JSON string literal (with quotes) of {@code s}. */
  static String json(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16).append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (ch < 0x20) sb.append(String.format("\\u%04x", (int) ch));
          else sb.append(ch);
        }
      }
    }
    return sb.append('"').toString();
  }

  /** A size drawn from a heavy-tailed (log-normal) distribution with the given median, capped. */
  int heavyTail(int median, int cap) {
    double v = median * Math.exp(random.nextGaussian() * 1.2);
    return (int) Math.max(1, Math.min(cap, v));
  }

  String hex(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) sb.append(Character.forDigit(random.nextInt(16), 16));
    return sb.toString();
  }

  String uuid() {
    return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-a" + hex(3) + "-" + hex(12);
  }

  String base58(int n) {
    String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    return sb.toString();
  }
}
