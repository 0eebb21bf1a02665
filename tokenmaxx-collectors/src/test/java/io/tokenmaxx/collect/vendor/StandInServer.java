package io.tokenmaxx.collect.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A loopback HTTP server for a vendor stand-in: routes by method and path, checks the vendor's
 * authentication, answers planned faults (a 429 with {@code Retry-After}, a 500) before the real
 * answer, and logs every request.
 */
final class StandInServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  record Request(String method, String path, Map<String, List<String>> query, Map<String, String> headers, String body) {
    String param(String name) {
      List<String> v = query.get(name);
      return v == null || v.isEmpty() ? null : v.get(0);
    }

    List<String> params(String name) {
      return query.getOrDefault(name, List.of());
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalArgumentException("body is not JSON: " + body);
      }
    }
  }

  record Answer(int status, String contentType, String body, Map<String, String> headers) {
    static Answer json(Object value) {
      try {
        return new Answer(200, "application/json", JSON.writeValueAsString(value), Map.of());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    static Answer text(int status, String contentType, String body) {
      return new Answer(status, contentType, body, Map.of());
    }
  }

  interface Handler {
    Answer handle(Request r) throws Exception;
  }

  private final HttpServer server;
  private final Map<String, Handler> routes = new LinkedHashMap<>();
  private final Map<String, Deque<Answer>> faults = new HashMap<>();
  private final List<Request> log = Collections.synchronizedList(new ArrayList<>());
  private final Predicate<Request> authorized;
  private final Answer unauthorized;

  StandInServer(Predicate<Request> authorized, Answer unauthorized) throws IOException {
    this.authorized = authorized;
    this.unauthorized = unauthorized;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::serve);
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  void route(String method, String path, Handler h) {
    routes.put(method + " " + path, h);
  }

  /** The next request to {@code path} gets {@code status} (with {@code Retry-After} when given) instead. */
  synchronized void fault(String path, int status, String retryAfter) {
    Map<String, String> h = retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter);
    faults.computeIfAbsent(path, p -> new ArrayDeque<>()).add(new Answer(status, "application/json",
        "{\"error\":{\"type\":\"" + (status == 429 ? "rate_limit_error" : "api_error") + "\",\"message\":\"planned "
            + status + "\"}}", h));
  }

  List<Request> log() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  long served(String path, int status) {
    return statuses.stream().filter(s -> s.equals(path + " " + status)).count();
  }

  long served(int status) {
    return statuses.stream().filter(s -> s.endsWith(" " + status)).count();
  }

  private final List<String> statuses = Collections.synchronizedList(new ArrayList<>());

  private void serve(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      Map<String, List<String>> query = new LinkedHashMap<>();
      String raw = ex.getRequestURI().getRawQuery();
      if (raw != null) {
        for (String kv : raw.split("&")) {
          int eq = kv.indexOf('=');
          String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
          String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
          query.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
      }
      Map<String, String> headers = new HashMap<>();
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request r = new Request(ex.getRequestMethod(), path, query, headers, body);
      log.add(r);
      Answer a;
      Deque<Answer> planned;
      synchronized (this) {
        planned = faults.get(path);
      }
      Answer fault = planned == null ? null : planned.poll();
      if (fault != null) {
        a = fault;
      } else if (path.startsWith("/download/")) {
        a = route(r);
      } else if (!authorized.test(r)) {
        a = unauthorized;
      } else {
        a = route(r);
      }
      statuses.add(path + " " + a.status());
      a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      ex.getResponseHeaders().add("Content-Type", a.contentType());
      byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) ex.getResponseBody().write(bytes);
    }
  }

  private Answer route(Request r) {
    Handler h = routes.get(r.method() + " " + r.path());
    if (h == null) {
      for (Map.Entry<String, Handler> e : routes.entrySet()) {
        String pattern = e.getKey();
        if (pattern.endsWith("*") && (r.method() + " " + r.path()).startsWith(pattern.substring(0, pattern.length() - 1))) {
          h = e.getValue();
          break;
        }
      }
    }
    if (h == null) return Answer.text(404, "application/json", "{\"message\":\"Not Found\"}");
    try {
      return h.handle(r);
    } catch (IllegalArgumentException e) {
      return Answer.text(400, "application/json", "{\"error\":{\"type\":\"invalid_request_error\",\"message\":"
          + JSON.valueToTree(e.getMessage()) + "}}");
    } catch (Exception e) {
      return Answer.text(500, "application/json", "{\"error\":{\"message\":\"stand-in failed: " + e + "\"}}");
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
