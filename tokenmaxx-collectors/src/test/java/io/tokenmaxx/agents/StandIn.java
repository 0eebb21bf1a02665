package io.tokenmaxx.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A loopback stand-in for an LLM provider's API (test code: real agents are pointed at it instead
 * of the paid service). It answers model requests with the usage its {@link UsagePlan} says, in
 * the provider's own wire format (server-sent events as the real API frames them, or one JSON
 * body), and keeps a {@link ServedRequest} per answer. Paths it does not serve get the provider's
 * 404 error. Subclasses write the provider's format.
 */
public abstract class StandIn implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final UsagePlan plan;
  private final AtomicInteger seq;
  private final Clock clock;
  private final List<ServedRequest> served = new CopyOnWriteArrayList<>();
  private final List<String> unserved = new CopyOnWriteArrayList<>();
  private volatile int run = 1;

  /**
   * @param seq shared by the stand-ins of one capture, so that their requests are numbered in
   *     arrival order across providers
   */
  protected StandIn(UsagePlan plan, AtomicInteger seq, Clock clock) throws IOException {
    this.plan = plan;
    this.seq = seq;
    this.clock = clock;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
  }

  /** Starts answering (once the subclass is built); returns this stand-in. */
  public final StandIn start() {
    server.createContext("/", this::dispatch);
    server.start();
    return this;
  }

  /**
   * An id as unique as the provider's own ({@code prefix} and 24 random base-62 characters): ids are
   * deduplication keys, so captures made one after the other must not reuse them.
   */
  protected static String uniqueId(String prefix) {
    String chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
    StringBuilder b = new StringBuilder(prefix);
    for (int i = 0; i < 24; i++) b.append(chars.charAt(r.nextInt(chars.length())));
    return b.toString();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Requests answered from now on belong to agent run {@code run}. */
  public void run(int run) {
    this.run = run;
  }

  public List<ServedRequest> served() {
    return List.copyOf(served);
  }

  /** Requests that were not model requests (answered 404 or a fixed body), as "METHOD path". */
  public List<String> unserved() {
    return List.copyOf(unserved);
  }

  private void dispatch(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = readBody(ex);
      JsonNode json = body.length == 0 ? null : parse(body);
      if (!handle(ex, json)) {
        unserved.add(ex.getRequestMethod() + " " + ex.getRequestURI());
        if (ex.getResponseCode() < 0) notFound(ex);
      }
    } catch (RuntimeException e) {
      unserved.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " failed: " + e);
      throw e;
    }
  }

  /**
   * Answers a request; false when it was not a model request: either answered already (a
   * reachability check, a token count) or not served at all (then {@link #notFound} answers).
   */
  protected abstract boolean handle(HttpExchange ex, JsonNode body) throws IOException;

  /** The provider's 404 answer. */
  protected abstract void notFound(HttpExchange ex) throws IOException;

  /** The next usage to bill, and a manifest entry for it once the answer is written. */
  protected final ServedUsage nextUsage() {
    return plan.next();
  }

  protected final void record(HttpExchange ex, String provider, String model, boolean stream,
      String responseId, ServedUsage usage, JsonNode wireUsage) {
    served.add(new ServedRequest(seq.incrementAndGet(), run, provider, ex.getRequestURI().toString(),
        model, stream, responseId, usage, wireUsage, clock.instant().toString()));
  }

  protected static void json(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] b = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  /** Starts a server-sent event stream (chunked); write frames with {@link #frame}. */
  protected static OutputStream startEvents(HttpExchange ex) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-cache");
    ex.sendResponseHeaders(200, 0);
    return ex.getResponseBody();
  }

  /** Writes one frame: {@code event: NAME} (when not null), {@code data: JSON}, then {@code eol} twice. */
  protected static void frame(OutputStream out, String event, JsonNode data, String eol) throws IOException {
    StringBuilder b = new StringBuilder();
    if (event != null) b.append("event: ").append(event).append(eol);
    b.append("data: ").append(JSON.writeValueAsString(data)).append(eol).append(eol);
    out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  protected static ObjectNode object() {
    return JSON.createObjectNode();
  }

  private static byte[] readBody(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] b = in.readAllBytes();
      String enc = ex.getRequestHeaders().getFirst("Content-Encoding");
      if (enc != null && enc.equalsIgnoreCase("gzip")) {
        try (InputStream g = new GZIPInputStream(new java.io.ByteArrayInputStream(b))) {
          return g.readAllBytes();
        }
      }
      return b;
    }
  }

  private static JsonNode parse(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
