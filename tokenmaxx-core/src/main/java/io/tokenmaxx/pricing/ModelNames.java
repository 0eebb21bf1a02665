package io.tokenmaxx.pricing;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps a model name as a log or API reports it to a catalog key. In order: the exact name; the
 * name without provider qualification ({@code anthropic/…}, {@code openai/…}, Bedrock's
 * {@code us.anthropic.…-v1:0}, Vertex's {@code …@20250514}); {@code .} and {@code @} read as
 * {@code -} ({@code claude-opus-4.5}); a dated name ({@code -20250514}) falling back to its
 * undated key and an undated name to its latest dated key; finally the key contained in the name
 * (or the name in the key) at word boundaries, longest first, never across a version number
 * ({@code claude-opus-4} never prices {@code claude-opus-4-5}) — the matching ccusage does.
 */
final class ModelNames {
  private static final Pattern REGION = Pattern.compile("^(us|eu|apac|global|jp|au|ca|us-gov)\\.");
  private static final Pattern VENDOR = Pattern.compile("^(anthropic|openai|google|meta|mistral|amazon|cohere|deepseek|qwen|moonshot|xai)\\.");
  private static final Pattern BEDROCK_VERSION = Pattern.compile("-v\\d+(:\\d+)?$");
  private static final Pattern DATE_SUFFIX = Pattern.compile("-(\\d{8})$");

  private final Set<String> keys;
  private final Map<String, String> normalizedKeys;

  ModelNames(Set<String> keys) {
    this.keys = keys;
    Map<String, String> n = new java.util.HashMap<>();
    for (String k : keys) n.putIfAbsent(normalize(k), k);
    this.normalizedKeys = n;
  }

  /** The catalog key for {@code model}, or null when none matches. */
  String resolve(String model) {
    String k = resolveStrict(model);
    return k != null ? k : fuzzy(unqualify(model.trim().toLowerCase(Locale.ROOT)),
        normalize(unqualify(model.trim().toLowerCase(Locale.ROOT))), keys);
  }

  /** Like {@link #resolve} without the last, fuzzy step. */
  String resolveStrict(String model) {
    if (keys.contains(model)) return model;
    String m = unqualify(model.trim().toLowerCase(Locale.ROOT));
    if (keys.contains(m)) return m;
    String n = normalize(m);
    String k = normalizedKeys.get(n);
    if (k != null) return k;
    var date = DATE_SUFFIX.matcher(n);
    if (date.find()) {
      k = normalizedKeys.get(n.substring(0, date.start()));
      if (k != null) return k;
    } else {
      String best = null;
      for (String key : keys) {
        String nk = normalize(key);
        if (nk.length() == n.length() + 9 && nk.startsWith(n) && DATE_SUFFIX.matcher(nk).find()
            && (best == null || key.compareTo(best) > 0)) {
          best = key;
        }
      }
      if (best != null) return best;
    }
    return null;
  }

  /** Drops provider qualification: path prefixes, Bedrock region/vendor/version, Vertex {@code @}. */
  static String unqualify(String m) {
    int slash = m.lastIndexOf('/');
    if (slash >= 0) m = m.substring(slash + 1);
    m = REGION.matcher(m).replaceFirst("");
    m = VENDOR.matcher(m).replaceFirst("");
    m = BEDROCK_VERSION.matcher(m).replaceFirst("");
    int colon = m.indexOf(':');
    if (colon > 0) m = m.substring(0, colon);
    return m;
  }

  static String normalize(String s) {
    return s.indexOf('.') >= 0 || s.indexOf('@') >= 0 ? s.replace('.', '-').replace('@', '-') : s;
  }

  /** Longest catalog key found in the name (or containing it) at boundaries, ccusage-style. */
  private static String fuzzy(String model, String normalizedModel, Collection<String> keys) {
    String best = null;
    for (String key : keys) {
      if (!matches(key, model, normalizedModel)) continue;
      if (best == null || key.length() > best.length()
          || (key.length() == best.length() && key.compareTo(best) < 0)) {
        best = key;
      }
    }
    return best;
  }

  static boolean matches(String candidate, String model, String normalizedModel) {
    if (containsKey(model, candidate) || containsKey(candidate, model)) return true;
    String nc = normalize(candidate);
    return containsKey(normalizedModel, nc) || containsKey(nc, normalizedModel);
  }

  /** {@code key} occurs in {@code value} with non-alphanumeric bytes (or the ends) around it. */
  static boolean containsKey(String value, String key) {
    if (key.isEmpty()) return false;
    for (int i = value.indexOf(key); i >= 0; i = value.indexOf(key, i + 1)) {
      boolean before = i == 0 || !isAlnum(value.charAt(i - 1));
      if (before && suffixAllows(key, value.substring(i + key.length()))) return true;
    }
    return false;
  }

  private static boolean suffixAllows(String key, String suffix) {
    if (suffix.isEmpty()) return true;
    if (isAlnum(suffix.charAt(0))) return false;
    return !startsWithVersion(key, suffix);
  }

  /** A key ending in a digit followed by {@code -N}/{@code .N} names another version, unless N is a date. */
  private static boolean startsWithVersion(String key, String suffix) {
    if (!Character.isDigit(key.charAt(key.length() - 1))) return false;
    char sep = suffix.charAt(0);
    if (sep != '-' && sep != '.') return false;
    int digits = 0;
    while (1 + digits < suffix.length() && Character.isDigit(suffix.charAt(1 + digits))) digits++;
    if (digits == 0) return false;
    boolean endOrBoundary = 1 + digits >= suffix.length() || !isAlnum(suffix.charAt(1 + digits));
    return !(digits == 8 && endOrBoundary);
  }

  private static boolean isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
