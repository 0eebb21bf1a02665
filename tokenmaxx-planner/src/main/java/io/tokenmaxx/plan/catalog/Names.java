package io.tokenmaxx.plan.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Name matching: case- and punctuation-insensitive keys, and "did you mean" suggestions. */
final class Names {
  private static final int MAX_SUGGESTIONS = 3;

  private Names() {}

  /** Lower case, letters and digits only: {@code Llama-3.1-8B} and {@code llama3.1_8b} match. */
  static String key(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      if (Character.isLetterOrDigit(c)) b.append(c);
    }
    return b.toString();
  }

  /** Up to three candidates close to {@code wanted}: containment first, then small edit distance. */
  static List<String> suggest(String wanted, List<String> candidates) {
    String w = key(wanted);
    record Scored(String name, int score) {}
    List<Scored> scored = new ArrayList<>();
    for (String c : candidates) {
      String k = key(c);
      int d = distance(w, k);
      boolean contains = !w.isEmpty() && (k.contains(w) || w.contains(k));
      if (contains) d = Math.min(d, Math.abs(k.length() - w.length()) / 4);
      if (contains || d <= Math.max(2, w.length() / 3)) scored.add(new Scored(c, d));
    }
    scored.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::name));
    return scored.stream().limit(MAX_SUGGESTIONS).map(Scored::name).toList();
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev; prev = cur; cur = t;
    }
    return prev[b.length()];
  }
}
