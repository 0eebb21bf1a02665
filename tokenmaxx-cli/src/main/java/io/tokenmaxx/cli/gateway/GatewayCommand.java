package io.tokenmaxx.cli.gateway;

import io.tokenmaxx.cli.remote.ServerClient;
import io.tokenmaxx.cli.remote.TokenOptions;
import io.tokenmaxx.gateway.Gateway;
import io.tokenmaxx.gateway.GatewayServer;
import io.tokenmaxx.gateway.budget.InMemoryBudgetLedger;
import io.tokenmaxx.gateway.config.GatewayConfig;
import io.tokenmaxx.server.ServerAssembly;
import io.tokenmaxx.server.config.ConfigException;
import io.tokenmaxx.server.config.ConfigLoader;
import io.tokenmaxx.server.gateway.GatewaySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tokenmaxx gateway}: the metering gateway alone, next to the applications that use it,
 * shipping its records to a tokenmaxx server and looking its keys up there.
 */
@Command(name = "gateway", mixinStandardHelpOptions = true,
    description = {"Run the metering gateway alone (/anthropic/v1/..., /openai/v1/...), e.g. next to the apps "
        + "that use it, and send its records to a tokenmaxx server.",
        "Needs the server's URL and a team ingest token or an admin token (the gateway sends many people's usage). "
            + "Gateway keys are looked up on the server (a revocation takes effect here within 10 s); budgets "
            + "are kept in this process. Settings: the 'gateway:' part of --config FILE, then TOKENMAXX_GATEWAY_* "
            + "variables (e.g. TOKENMAXX_GATEWAY_ANTHROPIC_BASE_URL, ..._API_KEY), then flags."})
public final class GatewayCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin TokenOptions auth;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML settings file (its gateway: part is used)")
  Path configFile;

  @Option(names = "--host", paramLabel = "ADDR", defaultValue = "0.0.0.0", description = "interface to bind (default ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8421", description = "port (default ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--spill-dir", paramLabel = "DIR",
      description = "where records wait on disk when the server is slow or away (gateway.records.spill-dir; "
          + "without one, requests wait for room)")
  Path spillDir;

  /** A started gateway; {@link #close} ships what it holds. */
  public record Running(GatewayServer server, String serverUrl) implements AutoCloseable {
    @Override
    public void close() {
      server.close();
    }
  }

  @Override
  public void run() {
    Running g = start(System.getenv());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.err.println("tokenmaxx gateway: stopping (sending queued records)...");
      g.close();
      stopped.countDown();
    }, "tokenmaxx-gateway-shutdown"));
    spec.commandLine().getOut().println("tokenmaxx gateway on http://" + (host.equals("0.0.0.0") ? "localhost" : host)
        + ":" + g.server().port() + " (records to " + g.serverUrl() + "); clients use ANTHROPIC_BASE_URL=http://HOST:"
        + g.server().port() + "/anthropic or OPENAI_BASE_URL=http://HOST:" + g.server().port() + "/openai/v1");
    spec.commandLine().getOut().flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Loads the settings, checks the server and starts serving; returns at once. */
  public Running start(Map<String, String> environment) {
    if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be between 0 and 65535, was " + port);
    ServerClient server = auth.client();
    GatewayConfig config;
    io.tokenmaxx.pricing.PriceCatalog prices;
    try {
      ConfigLoader loader = new ConfigLoader().file(configFile).environment(environment);
      config = GatewaySettings.load(loader, environment,
          spillDir == null ? Map.of() : Map.of("gateway.records.spill-dir", spillDir.toString()));
      prices = ServerAssembly.priceCatalog(loader.load());
    } catch (ConfigException e) {
      throw new IllegalArgumentException("bad setting " + e.getMessage(), e);
    }
    Gateway gateway = Gateway.builder().config(config).keys(new RemoteKeys(server, RemoteKeys.TTL))
        .ledger(new InMemoryBudgetLedger()).sink(new ServerSink(server)).prices(prices).build();
    try {
      return new Running(GatewayServer.start(gateway, host, port), server.base().toString());
    } catch (RuntimeException e) {
      gateway.close();
      throw e;
    }
  }
}
