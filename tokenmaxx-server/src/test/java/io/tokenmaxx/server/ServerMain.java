package io.tokenmaxx.server;

import io.tokenmaxx.server.config.ConfigLoader;
import io.tokenmaxx.server.config.ServerConfig;
import java.time.Clock;
import java.util.Map;

/** Runs a server in its own JVM for tests that must kill it: args are port and data directory. */
public final class ServerMain {
  public static void main(String[] args) throws Exception {
    ServerConfig config = new ConfigLoader()
        .overrides(Map.of("port", args[0], "data", args[1], "host", "127.0.0.1")).load();
    TokenmaxxServer server = new ServerAssembly(config, Clock.systemUTC()).build().start();
    System.out.println("READY " + server.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}
