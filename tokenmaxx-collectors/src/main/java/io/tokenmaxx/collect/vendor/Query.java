package io.tokenmaxx.collect.vendor;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds a request URI under a base URL: path plus query parameters, encoded, repeatable. */
final class Query {
  private final StringBuilder sb;
  private boolean first = true;

  private Query(URI base, String path) {
    String b = base.toString();
    if (b.endsWith("/")) b = b.substring(0, b.length() - 1);
    sb = new StringBuilder(b).append(path);
  }

  static Query of(URI base, String path) {
    return new Query(base, path);
  }

  Query param(String name, Object value) {
    if (value == null) return this;
    sb.append(first ? '?' : '&').append(name).append('=')
        .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
    first = false;
    return this;
  }

  URI uri() {
    return URI.create(sb.toString());
  }
}
