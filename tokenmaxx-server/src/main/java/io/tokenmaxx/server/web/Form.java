package io.tokenmaxx.server.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.tokenmaxx.server.http.Bodies;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A submitted HTML form ({@code application/x-www-form-urlencoded}), read under a size limit. */
public final class Form {
  static final long MAX_BYTES = 64 * 1024;

  private final Map<String, String> values;

  private Form(Map<String, String> values) {
    this.values = values;
  }

  /** Forms of administrators' pages may be larger: a pasted directory export. */
  static final long ADMIN_MAX_BYTES = 16L << 20;

  public static Form read(ServerRequest req) {
    return read(req, MAX_BYTES);
  }

  /** The form of a request, at most {@code maxBytes} long. */
  public static Form read(ServerRequest req, long maxBytes) {
    String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
    if (!type.isEmpty() && !type.startsWith("application/x-www-form-urlencoded")) {
      throw new WebError(Status.UNSUPPORTED_MEDIA_TYPE_415, "Forms are sent as application/x-www-form-urlencoded.");
    }
    try {
      return parse(new String(Bodies.read(req, maxBytes), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new WebError(Status.BAD_REQUEST_400, "The form could not be read.");
    }
  }

  /** Parses {@code a=1&b=x+y}; the first value of a repeated name wins. */
  public static Form parse(String body) {
    Map<String, String> v = new LinkedHashMap<>();
    if (body != null && !body.isEmpty()) {
      for (String pair : body.split("&")) {
        if (pair.isEmpty()) continue;
        int eq = pair.indexOf('=');
        try {
          String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
          String val = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
          v.putIfAbsent(k, val);
        } catch (IllegalArgumentException e) {
          throw new WebError(Status.BAD_REQUEST_400, "The form is not properly encoded.");
        }
      }
    }
    return new Form(v);
  }

  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** The trimmed value, or "" when absent. */
  public String text(String name) {
    String v = values.get(name);
    return v == null ? "" : v.strip();
  }

  /** The value exactly as sent (passwords), or "". */
  public String raw(String name) {
    String v = values.get(name);
    return v == null ? "" : v;
  }

  public List<String> names() {
    return List.copyOf(values.keySet());
  }
}
