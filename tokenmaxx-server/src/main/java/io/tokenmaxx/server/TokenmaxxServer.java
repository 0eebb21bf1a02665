package io.tokenmaxx.server;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.tokenmaxx.component.CheckResult;
import io.tokenmaxx.component.Component;
import io.tokenmaxx.server.config.ServerConfig;
import io.tokenmaxx.server.http.ErrorHandlers;
import io.tokenmaxx.server.http.RequestDecoding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One HTTP server for OTLP, the ingest and query APIs and the dashboard. It owns the listening
 * socket only; the components behind the routes (store, queue, ...) are built by
 * {@link ServerAssembly} and closed here in reverse order on {@link #close()}, after the listener
 * stopped taking requests and the queue was drained — a graceful shutdown that flushes.
 */
public final class TokenmaxxServer implements Component {
  private final ServerConfig config;
  private final List<HttpService> services;
  private final List<HttpFeature> features;
  private final List<Component> components;
  private volatile WebServer server;

  TokenmaxxServer(ServerConfig config, List<HttpService> services, List<Component> components) {
    this(config, services, List.of(), components);
  }

  TokenmaxxServer(ServerConfig config, List<HttpService> services, List<HttpFeature> features,
      List<Component> components) {
    this.config = Objects.requireNonNull(config, "config");
    this.services = List.copyOf(services);
    this.features = List.copyOf(features);
    this.components = List.copyOf(components);
  }

  /** Binds the port and starts serving; returns once the server accepts connections. */
  public synchronized TokenmaxxServer start() {
    if (server != null) return this;
    WebServer ws = WebServer.builder()
        .host(config.host())
        .port(config.port())
        // No server-level payload limit: http.Bodies checks the size as sent and after gzip
        // decoding and answers 413 with a message naming the limit and the setting.
        .contentEncoding(RequestDecoding.context())
        // the gateway's stream events are small writes: without TCP_NODELAY, Nagle's algorithm holds
        // each back until the previous one is acknowledged (40 ms with delayed ACKs)
        .connectionOptions(o -> o.tcpNoDelay(true))
        .shutdownGracePeriod(Duration.ofSeconds(5))
        .shutdownHook(false)
        .routing(this::routing)
        .build()
        .start();
    if (!ws.isRunning()) {
      ws.stop();
      close();
      throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port()
          + " (setting port): the address is in use or not available here");
    }
    server = ws;
    return this;
  }

  private void routing(HttpRouting.Builder r) {
    ErrorHandlers.register(r);
    for (HttpFeature f : features) r.addFeature(f);
    for (HttpService s : services) r.register(s);
  }

  /** The bound port (useful when configured as 0). */
  public int port() {
    WebServer s = server;
    if (s == null) throw new IllegalStateException("not started");
    return s.port();
  }

  public ServerConfig config() {
    return config;
  }

  @Override
  public CheckResult check() {
    WebServer s = server;
    if (s == null || !s.isRunning()) {
      return CheckResult.failed("http", new IllegalStateException("not running"));
    }
    return CheckResult.ok("http");
  }

  /** Stops listening, then closes every component (queue first, so it flushes into the store). */
  @Override
  public synchronized void close() {
    WebServer s = server;
    if (s != null) {
      s.stop();
      server = null;
    }
    List<Component> reverse = new ArrayList<>(components);
    java.util.Collections.reverse(reverse);
    for (Component c : reverse) {
      try {
        c.close();
      } catch (RuntimeException e) {
        System.getLogger(TokenmaxxServer.class.getName())
            .log(System.Logger.Level.WARNING, "closing " + c + " failed", e);
      }
    }
  }
}
