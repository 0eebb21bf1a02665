package io.tokenmaxx.cli;

import io.tokenmaxx.demo.DemoSpec;
import io.tokenmaxx.pricing.PricingEnricher;
import io.tokenmaxx.server.ServerAssembly;
import io.tokenmaxx.server.TokenmaxxServer;
import io.tokenmaxx.server.config.ConfigException;
import io.tokenmaxx.server.config.ConfigLoader;
import io.tokenmaxx.server.config.ServerConfig;
import io.tokenmaxx.server.demo.DemoLoader;
import io.tokenmaxx.server.demo.DemoState;
import io.tokenmaxx.server.web.auth.Passwords;
import io.tokenmaxx.storage.StorageComponent;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tokenmaxx demo}: generates an organization (people, teams, personas, weeks of usage across
 * tools and models, outcomes), loads it through the ingest pipeline into a data folder, creates an
 * admin, a manager and a member account, and serves the dashboard on it. A second run on the same
 * folder reuses the data and the accounts.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Generate a realistic organization, load it and open the dashboard on it.",
        "Deterministic for a seed; a second run on the same --data folder reuses it."})
final class DemoCommand implements Runnable {
  static final long DEFAULT_SEED = 42;
  static final int DEFAULT_PEOPLE = 300;
  static final int DEFAULT_WEEKS = 12;

  @Option(names = "--port", paramLabel = "N", description = "port (default 8420)")
  Integer port;

  @Option(names = "--seed", paramLabel = "S", description = "generator seed (default 42)")
  Long seed;

  @Option(names = "--data", paramLabel = "DIR", description = "data folder (default ./tokenmaxx-demo)")
  Path data;

  @Option(names = "--people", paramLabel = "N", description = "headcount (default 300)")
  Integer people;

  @Option(names = "--weeks", paramLabel = "W", description = "weeks of history ending today (default 12)")
  Integer weeks;

  @Option(names = "--host", paramLabel = "ADDR", description = "interface to bind (default 127.0.0.1: this machine only)")
  String host;

  /** Password hashing of the demo accounts (tests use a cheaper cost). */
  Passwords passwords = new Passwords();

  /** A started demo: its server and what the data folder holds. */
  record Started(TokenmaxxServer server, DemoState state, ServerConfig config, Clock clock) {}

  @Override
  public void run() {
    PrintStream out = System.out;
    Started started = start(out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      started.server().close();
      stopped.countDown();
    }, "tokenmaxx-shutdown"));
    printSignIn(out, started.config(), started.server().port(), started.state(), started.clock());
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Generates (or reuses) the demo data and starts the server on it. */
  Started start(PrintStream out) {
    if (people != null && (people < 10 || people > 100_000)) {
      throw new IllegalArgumentException("--people must be between 10 and 100000, was " + people);
    }
    if (weeks != null && (weeks < 1 || weeks > 104)) {
      throw new IllegalArgumentException("--weeks must be between 1 and 104, was " + weeks);
    }
    ServerConfig config = config();
    Path dir = config.dataDir();
    DemoState state = DemoState.read(dir);
    if (state != null) {
      String mismatch = state.mismatch(seed, people, weeks);
      if (mismatch != null) {
        throw new IllegalArgumentException(dir + " holds a demo made with " + mismatch
            + "; run with those options, or pick another --data folder");
      }
    }
    StorageComponent storage = ServerAssembly.storageFor(config);
    try {
      if (state == null) {
        if (storage.usageStore().countUsage() > 0) {
          throw new IllegalArgumentException(dir + " holds tokenmaxx data that is not a demo; pick another --data folder");
        }
        DemoSpec spec = DemoSpec.of(seed == null ? DEFAULT_SEED : seed, people == null ? DEFAULT_PEOPLE : people,
            weeks == null ? DEFAULT_WEEKS : weeks, LocalDate.now(ZoneId.of("America/New_York")));
        out.printf(Locale.ROOT, "tokenmaxx demo: generating %d people x %d weeks (seed %d) into %s ...%n",
            spec.people(), spec.weeks(), spec.seed(), dir);
        DemoLoader.Loaded loaded = new DemoLoader(storage,
            List.of(new PricingEnricher(ServerAssembly.priceCatalog(config))), passwords,
            Math.max(1, Runtime.getRuntime().availableProcessors())).notAfter(java.time.Instant.now()).load(spec);
        state = DemoState.of(spec, loaded);
        state.write(dir);
        out.printf(Locale.ROOT, "loaded %,d usage and %,d outcome records in %.1f s%n", loaded.usageRecords(),
            loaded.outcomeRecords(), loaded.took().toMillis() / 1000.0);
      } else {
        // What the store holds now (records sent since the demo was generated count too).
        out.printf(Locale.ROOT, "tokenmaxx demo: reusing %s (%d people x %d weeks, seed %d, %,d usage records)%n",
            dir, state.people(), state.weeks(), state.seed(), storage.usageStore().countUsage());
      }
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
    Clock clock = demoClock(state);
    if (!config.analytics().zone().equals(state.zone())) config = config(state.zone());
    // the metering gateway too, with its upstreams from TOKENMAXX_GATEWAY_* (budget periods in the demo's zone)
    var gateway = io.tokenmaxx.server.gateway.GatewaySettings.load(new ConfigLoader().overrides(
        Map.of("analytics.zone", config.analytics().zone().getId())), System.getenv(), Map.of());
    ServerAssembly assembly = new ServerAssembly(config, clock).storage(storage).passwords(passwords).gateway(gateway);
    return new Started(assembly.build().start(), state, config, clock);
  }

  /** The dashboard's "today" is the last generated day, also when the folder is reused later. */
  static Clock demoClock(DemoState state) {
    Clock system = Clock.systemUTC();
    LocalDate today = LocalDate.now(system.withZone(state.zone()));
    long days = java.time.temporal.ChronoUnit.DAYS.between(state.endDate(), today);
    return days <= 0 ? system : Clock.offset(system, Duration.ofDays(-days));
  }

  static void printSignIn(PrintStream out, ServerConfig config, int port, DemoState state, Clock clock) {
    String host = config.host().equals("0.0.0.0") || config.host().equals("::") ? "localhost" : config.host();
    out.println();
    out.println("  Dashboard: http://" + host + ":" + port + "/");
    out.println();
    out.println("  Sign in as:");
    for (DemoLoader.DemoAccount a : state.accounts()) {
      out.printf(Locale.ROOT, "    %-8s %-40s password %s%n", a.role().label(), a.email(), a.password());
      out.printf(Locale.ROOT, "             %s (%s)%n", a.name(), a.note());
    }
    out.println();
    if (!state.endDate().equals(LocalDate.now(Clock.systemUTC().withZone(state.zone())))) {
      out.println("  The dashboard's today is " + state.endDate() + ", the last generated day.");
    }
    out.println("  Data and demo passwords: " + config.dataDir() + " (delete it to start over). Ctrl-C stops.");
  }

  ServerConfig config() {
    return config(ZoneId.of("America/New_York"));
  }

  /** The demo's settings: this machine only, the demo folder, the organization's zone. */
  ServerConfig config(ZoneId zone) {
    Map<String, String> flags = new HashMap<>();
    flags.put("analytics.zone", zone.getId());
    flags.put("host", host == null ? "127.0.0.1" : host);
    if (port != null) flags.put("port", port.toString());
    flags.put("data", (data == null ? Path.of("tokenmaxx-demo") : data).toString());
    try {
      return new ConfigLoader().environment(Map.of()).overrides(flags).load();
    } catch (ConfigException e) {
      throw new IllegalArgumentException("bad setting " + e.getMessage(), e);
    }
  }
}
