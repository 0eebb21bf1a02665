package io.tokenmaxx.server.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Links to the CSV exports of the analytics API for a page's tables, with the page's filters.
 * The API answers a signed-in browser's GET with the same scoping as the page (and audits
 * person-level exports).
 */
public final class Exports {
  private Exports() {}

  /** {@code /api/v1/analytics/<resource>?<filters>&format=csv&table=<table>}. */
  public static String csv(String resource, String table, QueryString filters) {
    return filters.with("format", "csv").with("table", table).on("/api/v1/analytics/" + resource);
  }

  /** A path segment, encoded (ids in links). */
  public static String seg(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
