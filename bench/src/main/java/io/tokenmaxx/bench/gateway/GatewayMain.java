package io.tokenmaxx.bench.gateway;

import io.tokenmaxx.gateway.Gateway;
import io.tokenmaxx.gateway.GatewayServer;
import io.tokenmaxx.gateway.config.GatewayConfigLoader;
import io.tokenmaxx.gateway.keys.InMemoryKeyStore;
import io.tokenmaxx.gateway.keys.VirtualKey;
import io.tokenmaxx.identity.TokenSecrets;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway as its own process for the benchmark, configured from {@code TOKENMAXX_GATEWAY_*}
 * variables like the real one, with one person's key (secret given as the second argument) and a
 * sink that counts records (they still go through the asynchronous shipper).
 */
public final class GatewayMain {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String secret = args[1];
    var config = new GatewayConfigLoader().environment(System.getenv()).load();
    InMemoryKeyStore keys = new InMemoryKeyStore(Clock.systemUTC());
    keys.add(new VirtualKey("key_bench", "p-bench", "team-bench", "benchmark", Instant.now(), null, null, Set.of()),
        TokenSecrets.hash(secret));
    AtomicLong records = new AtomicLong();
    GatewayServer server = GatewayServer.start(Gateway.builder().config(config).keys(keys)
        .sink(batch -> records.addAndGet(batch.size())).build(), "127.0.0.1", port);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      System.out.println("records shipped: " + records.get());
    }));
    System.out.println("gateway listening on " + server.port());
    Thread.currentThread().join();
  }
}
