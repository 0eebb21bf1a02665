package io.tokenmaxx.gateway;

import io.helidon.webserver.WebServer;
import io.tokenmaxx.component.CheckResult;
import io.tokenmaxx.component.Component;
import java.time.Duration;

/** The gateway served alone (the standalone {@code tokenmaxx gateway} process, tests, benchmarks). */
public final class GatewayServer implements Component {
  private final Gateway gateway;
  private final WebServer server;

  private GatewayServer(Gateway gateway, WebServer server) {
    this.gateway = gateway;
    this.server = server;
  }

  /** Binds {@code host:port} (0: any free port) and serves the gateway's routes. */
  public static GatewayServer start(Gateway gateway, String host, int port) {
    WebServer ws = WebServer.builder()
        .host(host)
        .port(port)
        // each stream event is its own small write: without TCP_NODELAY, Nagle's algorithm holds
        // it back until the previous one is acknowledged (40 ms with delayed ACKs)
        .connectionOptions(o -> o.tcpNoDelay(true))
        .maxPayloadSize(-1)
        .shutdownGracePeriod(Duration.ofSeconds(5))
        .shutdownHook(false)
        .routing(r -> r.register(gateway.service()))
        .build()
        .start();
    if (!ws.isRunning()) {
      ws.stop();
      throw new IllegalStateException("cannot listen on " + host + ":" + port + ": the address is in use or not available");
    }
    return new GatewayServer(gateway, ws);
  }

  public int port() {
    return server.port();
  }

  public Gateway gateway() {
    return gateway;
  }

  @Override
  public CheckResult check() {
    return server.isRunning() ? gateway.check() : CheckResult.failed("gateway", new IllegalStateException("not running"));
  }

  /** Stops listening, then closes the gateway (records are shipped or spilled). */
  @Override
  public void close() {
    server.stop();
    gateway.close();
  }
}
