package io.tokenmaxx.collect.otlp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test-only OTLP/HTTP receiver on the JDK's HTTP server: it does what the real transport does
 * (hand the bytes to the decoder, store, answer with {@link OtlpResponses}) and keeps what it saw.
 */
final class CaptureServer implements AutoCloseable {
  /** One request as received, with the decoder's batch (null when refused) and the answer. */
  record Exchange(Signal signal, String contentType, String contentEncoding, byte[] body,
      OtlpBatch batch, OtlpResponse response) {}

  private final HttpServer server;
  private final OtlpDecoder decoder;
  private final RecordingStore store;
  final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

  CaptureServer(OtlpDecoder decoder, RecordingStore store) throws IOException {
    this.decoder = decoder;
    this.store = store;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readAllBytes();
    }
    Signal signal = Signal.forPath(ex.getRequestURI().getPath());
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
    OtlpBatch batch = null;
    OtlpResponse response;
    ContentType ct = null;
    try {
      if (signal == null) throw new OtlpDecodeException(404, "no OTLP signal at "
          + ex.getRequestURI().getPath());
      ct = ContentType.fromHeader(type);
      batch = decoder.decode(signal, body, ct, ContentType.gzipFromHeader(encoding));
      store.store(batch);
      store.apply(decoder.commit(batch));
      response = OtlpResponses.exported(batch);
    } catch (OtlpDecodeException e) {
      response = OtlpResponses.error(e, ct);
    }
    exchanges.add(new Exchange(signal, type, encoding, body, batch, response));
    ex.getResponseHeaders().set("Content-Type", response.contentType());
    ex.sendResponseHeaders(response.status(), response.body().length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(response.body());
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
