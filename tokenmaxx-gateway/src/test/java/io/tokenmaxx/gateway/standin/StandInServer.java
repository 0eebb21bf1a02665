package io.tokenmaxx.gateway.standin;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for an LLM provider's HTTP API (test code only): a real Helidon server on an
 * ephemeral port that answers in the provider's wire format, SSE included. Tests script the next
 * answers ({@link #enqueue}); without a script every request gets the default answer. It keeps the
 * requests it received (path, query, headers, body) so tests can check what reached it.
 */
public abstract class StandInServer implements AutoCloseable {
  /** What the stand-in received. */
  public record Received(String method, String path, String query, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final ConcurrentLinkedDeque<Script> scripts = new ConcurrentLinkedDeque<>();
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile boolean keepRequests = true;
  private volatile WebServer server;
  /** Counts streams the stand-in finished writing, and streams whose client went away. */
  final AtomicInteger streamsFinished = new AtomicInteger();
  final AtomicInteger streamsAborted = new AtomicInteger();

  /** One scripted answer. */
  public interface Script {}

  /** Answer with an error in the provider's shape. */
  public record Error(int status, String type, String message, Map<String, String> headers) implements Script {
    public Error(int status, String type, String message) {
      this(status, type, message, Map.of());
    }
  }

  /** Accept the request and never answer (until the stand-in closes). */
  public record Hang() implements Script {}

  /** Answer with these exact bytes, status and content type. */
  public record Raw(int status, String contentType, String body) implements Script {}

  public StandInServer start() {
    return start(0);
  }

  /** Starts on {@code port} of the loopback interface (0: any free port). */
  public StandInServer start(int port) {
    server = WebServer.builder()
        .host("127.0.0.1")
        .port(port)
        .connectionOptions(o -> o.tcpNoDelay(true))
        .shutdownGracePeriod(Duration.ZERO)
        .maxPayloadSize(-1)
        .routing(this::routing)
        .build()
        .start();
    return this;
  }

  protected abstract void routing(HttpRouting.Builder routing);

  public int port() {
    return server.port();
  }

  /** The base URL the provider's own SDK variable takes. */
  public abstract String baseUrl();

  public void enqueue(Script... s) {
    for (Script x : s) scripts.addLast(x);
  }

  /** Stops keeping requests (benchmarks). */
  public StandInServer keepRequests(boolean keep) {
    keepRequests = keep;
    return this;
  }

  private volatile java.util.function.Function<String, Script> defaults;

  /** The answer for a model when no script is queued (else each stand-in's default answer). */
  public StandInServer defaults(java.util.function.Function<String, Script> byModel) {
    defaults = byModel;
    return this;
  }

  protected Script next() {
    return scripts.pollFirst();
  }

  /** The queued script, else the default for {@code model}, else {@code fallback}. */
  protected Script next(String model, Script fallback) {
    Script s = scripts.pollFirst();
    if (s != null) return s;
    var d = defaults;
    if (d != null && model != null) {
      Script x = d.apply(model);
      if (x != null) return x;
    }
    return fallback;
  }

  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  public Received last() {
    synchronized (received) {
      return received.isEmpty() ? null : received.get(received.size() - 1);
    }
  }

  public int requestCount() {
    return requests.get();
  }

  public int streamsFinished() {
    return streamsFinished.get();
  }

  public int streamsAborted() {
    return streamsAborted.get();
  }

  /** Forgets received requests, scripts and the request count. */
  public void clear() {
    received.clear();
    scripts.clear();
    requests.set(0);
  }

  protected String keep(ServerRequest req) {
    requests.incrementAndGet();
    String body = req.content().hasEntity() ? req.content().as(String.class) : "";
    if (keepRequests) {
      Map<String, String> h = new LinkedHashMap<>();
      req.headers().forEach(x -> h.put(x.name().toLowerCase(Locale.ROOT), x.get()));
      received.add(new Received(req.prologue().method().text(), req.path().path(),
          req.query().rawValue(), h, body));
    }
    return body;
  }

  /** Blocks the handler until the stand-in closes (an upstream that hangs). */
  protected void hang() {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  protected static void pause(long millis) {
    if (millis <= 0) return;
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  protected static void writeEvent(OutputStream out, String event, String data) throws IOException {
    StringBuilder sb = new StringBuilder(data.length() + 32);
    if (event != null) sb.append("event: ").append(event).append('\n');
    sb.append("data: ").append(data).append("\n\n");
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Makes the current connection fail mid-answer: the handler throws after bytes were sent. */
  protected static RuntimeException drop() {
    return new IllegalStateException("stand-in drops the connection (scripted)");
  }

  protected static void sse(io.helidon.webserver.http.ServerResponse res) {
    res.header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
    res.header(HeaderNames.CACHE_CONTROL, "no-cache");
  }

  @Override
  public void close() {
    closed.countDown();
    WebServer s = server;
    if (s != null) s.stop();
  }
}
