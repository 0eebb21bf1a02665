package io.tokenmaxx.cli;

import io.tokenmaxx.server.ServerAssembly;
import io.tokenmaxx.server.TokenmaxxServer;
import io.tokenmaxx.server.config.ConfigException;
import io.tokenmaxx.server.config.ConfigLoader;
import io.tokenmaxx.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tokenmaxx serve}: OTLP receiver, ingest and query API and dashboard in one process. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Run the tokenmaxx server: OTLP (/v1/metrics, /v1/logs, /v1/traces), the ingest "
        + "and query API (/api/v1/...), the dashboard, /health, /metrics and the metering gateway "
        + "(/anthropic/v1/..., /openai/v1/...), on one port.",
        "Settings come from --config FILE, then TOKENMAXX_* environment variables, then flags."})
final class ServeCommand implements Runnable {

  @Option(names = "--config", paramLabel = "FILE", description = "YAML settings file")
  Path configFile;

  @Option(names = "--port", paramLabel = "N", description = "port (default 8420)")
  Integer port;

  @Option(names = "--host", paramLabel = "ADDR", description = "interface to bind (default 0.0.0.0)")
  String host;

  @Option(names = "--data", paramLabel = "DIR", description = "data directory (default ./tokenmaxx-data)")
  Path data;

  @Option(names = "--storage-url", paramLabel = "JDBC_URL",
      description = "use PostgreSQL (jdbc:postgresql://...) instead of the embedded DuckDB")
  String storageUrl;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "any setting by its YAML key, e.g. --set importers.anthropic.interval=30m (repeatable; "
          + "keys belong in files or the environment, not on a command line)")
  Map<String, String> settings = new HashMap<>();

  @Override
  public void run() {
    ServerConfig config = load();
    ServerAssembly assembly = new ServerAssembly(config, Clock.systemUTC()).gateway(gatewayConfig);
    TokenmaxxServer server = assembly.build().start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.err.println("tokenmaxx: stopping (writing queued records)...");
      server.close();
      stopped.countDown();
    }, "tokenmaxx-shutdown"));
    String where = config.storageUrl() != null ? config.storageUrl() : config.databaseFile().toString();
    System.out.println("tokenmaxx serving on http://" + displayHost(config.host()) + ":" + server.port()
        + " (store: " + where + ")");
    if (assembly.adminTokenWritten() != null) {
      System.out.println("Admin API token written to " + assembly.adminTokenWritten()
          + " (readable by you only). Create ingest tokens with:");
      System.out.println("  tokenmaxx token create --server http://" + displayHost(config.host()) + ":" + server.port()
          + " --admin-token-file " + assembly.adminTokenWritten() + " --person EMAIL");
    }
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String displayHost(String host) {
    return host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
  }

  private io.tokenmaxx.gateway.config.GatewayConfig gatewayConfig;

  /** The server's settings, and the gateway's from the same file and environment. */
  ServerConfig load() {
    Map<String, String> flags = new HashMap<>(settings);
    if (port != null) flags.put("port", port.toString());
    if (host != null) flags.put("host", host);
    if (data != null) flags.put("data", data.toString());
    if (storageUrl != null) flags.put("storage.url", storageUrl);
    try {
      ConfigLoader loader = new ConfigLoader().file(configFile).environment(System.getenv()).overrides(flags);
      ServerConfig config = loader.load();
      gatewayConfig = io.tokenmaxx.server.gateway.GatewaySettings.load(loader, System.getenv(), Map.of());
      return config;
    } catch (ConfigException e) {
      throw new IllegalArgumentException("bad setting " + e.getMessage(), e);
    }
  }
}
