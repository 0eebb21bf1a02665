package io.tokenmaxx.server.checkin;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real HTTP endpoint (the JDK's server) that records what webhooks deliver to it. */
final class WebhookReceiver implements AutoCloseable {
  record Delivery(String path, Map<String, String> headers, byte[] body) {}

  final BlockingQueue<Delivery> received = new LinkedBlockingQueue<>();
  final HttpServer server;
  volatile int status = 204;

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.getFirst()));
      received.add(new Delivery(exchange.getRequestURI().getPath(), headers, body));
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/tokenmaxx";
  }

  Delivery next() throws InterruptedException {
    Delivery d = received.poll(10, TimeUnit.SECONDS);
    if (d == null) throw new AssertionError("no webhook delivery arrived");
    return d;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
