package io.tokenmaxx.agents;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An OTLP/HTTP endpoint that keeps every export exactly as it arrived (path, content type and
 * encoding, the bytes untouched) and answers it as a collector that took everything would: 200
 * with an empty export response in the request's encoding. Test code: it lets real agents' exports
 * be kept as fixtures and replayed into the server.
 */
public final class OtlpCaptureReceiver implements AutoCloseable {
  /** One export as received; {@code run} is the agent run that sent it. */
  public record Export(int seq, int run, String path, String contentType, String contentEncoding,
      byte[] body) {}

  private final HttpServer server;
  private final List<Export> exports = new CopyOnWriteArrayList<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();
  private volatile int run = 1;

  public OtlpCaptureReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void run(int run) {
    this.run = run;
  }

  public List<Export> exports() {
    return List.copyOf(exports);
  }

  /** Requests that were not OTLP exports (wrong method or path), as "METHOD path". */
  public List<String> refused() {
    return List.copyOf(refused);
  }

  private synchronized int nextSeq() {
    return exports.size() + 1;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      String path = ex.getRequestURI().getPath();
      boolean otlp = ex.getRequestMethod().equals("POST")
          && (path.equals("/v1/logs") || path.equals("/v1/metrics") || path.equals("/v1/traces"));
      if (!otlp) {
        refused.add(ex.getRequestMethod() + " " + ex.getRequestURI());
        ex.sendResponseHeaders(404, -1);
        return;
      }
      String type = ex.getRequestHeaders().getFirst("Content-Type");
      synchronized (this) {
        exports.add(new Export(nextSeq(), run, path, type, ex.getRequestHeaders().getFirst("Content-Encoding"), body));
      }
      boolean json = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
      byte[] answer = json ? "{}".getBytes(StandardCharsets.US_ASCII) : new byte[0];
      ex.getResponseHeaders().set("Content-Type", json ? "application/json" : "application/x-protobuf");
      ex.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(answer);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
