package io.tokenmaxx.server.checkin;

import io.tokenmaxx.identity.Person;
import io.tokenmaxx.identity.TokenScope;
import io.tokenmaxx.server.ServerAssembly;
import io.tokenmaxx.server.TokenmaxxServer;
import io.tokenmaxx.server.config.ConfigLoader;
import io.tokenmaxx.server.config.ServerConfig;
import io.tokenmaxx.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real server for check-in tests: DuckDB in a temp folder, a clock the test moves, a small
 * directory (a CEO; a manager with two engineers in Payments; one person in Ops) and a read token
 * for each person.
 */
final class CheckinServer implements AutoCloseable {
  static final ZoneId ZONE = ZoneId.of("America/New_York");

  /** A clock tests move forward. */
  static final class MovableClock extends Clock {
    volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override public ZoneId getZone() { return ZoneId.of("UTC"); }
    @Override public Clock withZone(ZoneId zone) { return Clock.fixed(now, zone); }
    @Override public Instant instant() { return now; }
  }

  final MovableClock clock;
  final ServerAssembly assembly;
  final TokenmaxxServer server;
  final String admin;
  final Map<String, String> tokens = new HashMap<>();
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  CheckinServer(Path dir, Instant now, Map<String, String> settings) throws IOException {
    clock = new MovableClock(now);
    Map<String, String> s = new HashMap<>(settings);
    s.put("port", "0");
    s.put("host", "127.0.0.1");
    s.put("data", dir.toString());
    s.put("analytics.zone", ZONE.getId());
    s.putIfAbsent("guard.interval", "24h");
    ServerConfig config = new ConfigLoader().overrides(s).load();
    assembly = new ServerAssembly(config, clock);
    server = assembly.build().start();
    admin = Files.readString(config.adminTokenFile()).trim();
    var dirStore = assembly.store().directory();
    dirStore.upsertPeople(List.of(
        person("ceo", "Cleo <CEO> Ortiz", "Leadership", null),
        person("mgr", "Mona Manager", "Payments", "ceo"),
        person("dev1", "Dana Dev", "Payments", "mgr"),
        person("dev2", "Devon Second", "Payments", "mgr"),
        person("ops1", "Otto Ops", "Ops", "ceo")));
    for (String p : List.of("ceo", "mgr", "dev1", "dev2", "ops1")) {
      tokens.put(p, assembly.store().tokens().create(TokenScope.READ, p, null, "test").secret());
    }
  }

  static Person person(String id, String name, String team, String manager) {
    return new Person(id, id + "@example.com", name, team, team.equals("Ops") ? "Operations" : "Engineering",
        manager, null, null, null);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  HttpResponse<String> send(String method, String path, String token, String json) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (token != null) b.header("Authorization", "Bearer " + token);
    if (json != null) b.header("Content-Type", "application/json");
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
    return send("GET", path, token, null);
  }

  JsonNode json(String path, String token) throws IOException, InterruptedException {
    HttpResponse<String> r = get(path, token);
    if (r.statusCode() != 200) throw new AssertionError("GET " + path + ": " + r.statusCode() + " " + r.body());
    return Json.MAPPER.readTree(r.body());
  }

  static JsonNode parse(HttpResponse<String> r) throws IOException {
    return Json.MAPPER.readTree(r.body());
  }

  @Override
  public void close() {
    server.close();
  }
}
