package io.tokenmaxx.server;

import io.tokenmaxx.server.config.ConfigLoader;
import io.tokenmaxx.server.config.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** A real server on a free port with a DuckDB file in a temp folder, for integration tests. */
public final class TestServer implements AutoCloseable {
  public final TokenmaxxServer server;
  public final ServerAssembly assembly;
  public final String adminToken;
  public final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public TestServer(Path dataDir, Map<String, String> settings) throws IOException {
    this(dataDir, settings, Clock.systemUTC());
  }

  /** A server whose clock is {@code clock} (e.g. offset to when captured telemetry was recorded). */
  public TestServer(Path dataDir, Map<String, String> settings, Clock clock) throws IOException {
    Map<String, String> s = new java.util.HashMap<>(settings);
    s.putIfAbsent("port", "0");
    s.putIfAbsent("host", "127.0.0.1");
    s.put("data", dataDir.toString());
    ServerConfig config = new ConfigLoader().overrides(s).load();
    assembly = new ServerAssembly(config, clock);
    server = assembly.build().start();
    adminToken = Files.readString(config.adminTokenFile()).trim();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  public HttpResponse<String> post(String path, String token, String contentType, byte[] body,
      String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) b.header("Authorization", "Bearer " + token);
    if (contentType != null) b.header("Content-Type", contentType);
    for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).GET();
    if (token != null) b.header("Authorization", "Bearer " + token);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Creates an ingest token for a person (added to the directory when unknown); returns the secret. */
  public String ingestToken(String email) throws Exception {
    HttpResponse<String> r = post("/api/v1/tokens", adminToken, "application/json",
        ("{\"scope\":\"ingest\",\"person\":\"" + email + "\"}").getBytes());
    if (r.statusCode() != 201) throw new IllegalStateException(r.body());
    return io.tokenmaxx.server.http.Json.MAPPER.readTree(r.body()).get("secret").asText();
  }

  @Override
  public void close() {
    server.close();
  }
}
