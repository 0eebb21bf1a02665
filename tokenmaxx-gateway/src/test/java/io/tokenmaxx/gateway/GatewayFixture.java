package io.tokenmaxx.gateway;

import io.tokenmaxx.gateway.config.GatewayConfig;
import io.tokenmaxx.gateway.config.GatewayConfigLoader;
import io.tokenmaxx.gateway.keys.InMemoryKeyStore;
import io.tokenmaxx.gateway.record.GatewayRecord;
import io.tokenmaxx.gateway.standin.AnthropicStandIn;
import io.tokenmaxx.gateway.standin.OpenAiStandIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A gateway on an ephemeral port in front of both provider stand-ins, with one person's key and a
 * sink that collects records. Upstream credentials are known values so tests can check they reach
 * the stand-ins and never the client.
 */
final class GatewayFixture implements AutoCloseable {
  static final String ANTHROPIC_UPSTREAM_KEY = "sk-ant-upstream-secret-0001";
  static final String OPENAI_UPSTREAM_KEY = "sk-openai-upstream-secret-0002";

  final AnthropicStandIn anthropic = new AnthropicStandIn();
  final OpenAiStandIn openai = new OpenAiStandIn();
  final InMemoryKeyStore keys;
  final LinkedBlockingQueue<GatewayRecord> records = new LinkedBlockingQueue<>();
  final GatewayServer server;
  final InMemoryKeyStore.Created key;
  final Clock clock;

  GatewayFixture() {
    this("", Clock.systemUTC(), b -> { });
  }

  /** {@code yaml}: extra lines under {@code gateway:} (indented two spaces). */
  GatewayFixture(String yaml, Clock clock, Consumer<Gateway.Builder> more) {
    this.clock = clock;
    anthropic.start();
    openai.start();
    keys = new InMemoryKeyStore(clock);
    key = keys.create("p-ada", "team-core", "tests");
    GatewayConfig config = config(yaml, Map.of());
    Gateway.Builder b = Gateway.builder().config(config).keys(keys).clock(clock)
        .sink(batch -> records.addAll(batch));
    more.accept(b);
    server = GatewayServer.start(b.build(), "127.0.0.1", 0);
  }

  GatewayConfig config(String yaml, Map<String, String> extraEnv) {
    try {
      Path f = Files.createTempFile("gateway", ".yaml");
      Files.writeString(f, "gateway:\n  read-timeout: 4s\n  records:\n    flush-interval: 5ms\n"
          + yaml.replace("$ANTHROPIC", anthropic.baseUrl()).replace("$OPENAI", openai.baseUrl()));
      Map<String, String> env = new HashMap<>(extraEnv);
      env.put("TOKENMAXX_GATEWAY_ANTHROPIC_BASE_URL", anthropic.baseUrl());
      env.put("TOKENMAXX_GATEWAY_ANTHROPIC_API_KEY", ANTHROPIC_UPSTREAM_KEY);
      env.put("TOKENMAXX_GATEWAY_OPENAI_BASE_URL", openai.baseUrl());
      env.put("TOKENMAXX_GATEWAY_OPENAI_API_KEY", OPENAI_UPSTREAM_KEY);
      GatewayConfig c = new GatewayConfigLoader().file(f).environment(env).load();
      Files.delete(f);
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String anthropicUrl() {
    return "http://127.0.0.1:" + server.port() + "/anthropic";
  }

  String openaiUrl() {
    return "http://127.0.0.1:" + server.port() + "/openai/v1";
  }

  /** The next record, waiting up to 10 s (records leave the request path asynchronously). */
  GatewayRecord nextRecord() {
    try {
      GatewayRecord r = records.poll(10, TimeUnit.SECONDS);
      if (r == null) throw new AssertionError("no gateway record arrived within 10 s");
      return r;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  List<GatewayRecord> records(int n) {
    List<GatewayRecord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(nextRecord());
    return out;
  }

  /** Asserts no further record arrives within a short while. */
  void assertNoMoreRecords() throws InterruptedException {
    GatewayRecord r = records.poll(300, TimeUnit.MILLISECONDS);
    if (r != null) throw new AssertionError("unexpected record " + r);
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.close();
    anthropic.close();
    openai.close();
  }
}
