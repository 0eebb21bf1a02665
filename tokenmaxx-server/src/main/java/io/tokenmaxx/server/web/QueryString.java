package io.tokenmaxx.server.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable query string, for links that keep the current filters while changing one value
 * ({@code q.with("measure", "spend")}). Renders as {@code ?a=1&b=2} (or "" when empty), encoded.
 */
public final class QueryString {
  private final Map<String, String> values;

  private QueryString(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  public static QueryString of(Map<String, String> values) {
    Map<String, String> m = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      if (v != null && !v.isEmpty()) m.put(k, v);
    });
    return new QueryString(m);
  }

  public static QueryString empty() {
    return new QueryString(Map.of());
  }

  public String get(String key) {
    return values.get(key);
  }

  public Map<String, String> values() {
    return values;
  }

  public QueryString with(String key, String value) {
    Map<String, String> m = new LinkedHashMap<>(values);
    if (value == null || value.isEmpty()) m.remove(key);
    else m.put(key, value);
    return new QueryString(m);
  }

  public QueryString without(String... keys) {
    Map<String, String> m = new LinkedHashMap<>(values);
    for (String k : keys) m.remove(k);
    return new QueryString(m);
  }

  /** Only these keys (e.g. the filters, dropping page-specific parameters). */
  public QueryString only(java.util.Collection<String> keys) {
    Map<String, String> m = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      if (keys.contains(k)) m.put(k, v);
    });
    return new QueryString(m);
  }

  /** A path of this site with this query string appended. */
  public String on(String path) {
    return path + this;
  }

  @Override
  public String toString() {
    if (values.isEmpty()) return "";
    StringBuilder sb = new StringBuilder("?");
    values.forEach((k, v) -> {
      if (sb.length() > 1) sb.append('&');
      sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    });
    return sb.toString();
  }
}
