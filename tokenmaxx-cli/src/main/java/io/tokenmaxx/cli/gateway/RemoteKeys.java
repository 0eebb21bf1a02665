package io.tokenmaxx.cli.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tokenmaxx.cli.remote.ServerClient;
import io.tokenmaxx.gateway.keys.KeyStore;
import io.tokenmaxx.gateway.keys.VirtualKey;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gateway keys of a standalone gateway, looked up on its server by the hash of their secret
 * ({@code GET /api/v1/gateway/keys/{hash}}) and cached for {@link #TTL}: a key revoked on the
 * server stops working here within that time; a key carries its routing strategy and allowed models. While the server cannot be reached, the last answer
 * known for a key is used, so a server restart does not stop the gateway's known clients.
 */
final class RemoteKeys implements KeyStore {
  static final Duration TTL = Duration.ofSeconds(10);
  private static final System.Logger LOG = System.getLogger(RemoteKeys.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServerClient server;
  private final Cache<String, Optional<VirtualKey>> cache;
  private final Map<String, Optional<VirtualKey>> lastKnown = new ConcurrentHashMap<>();

  RemoteKeys(ServerClient server, Duration ttl) {
    this.server = server;
    this.cache = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(ttl).build();
  }

  @Override
  public VirtualKey findByHash(String secretHash) {
    return cache.get(secretHash, this::ask).orElse(null);
  }

  private Optional<VirtualKey> ask(String hash) {
    try {
      HttpResponse<byte[]> r = server.send("GET", "/api/v1/gateway/keys/" + hash, null, null);
      Optional<VirtualKey> k;
      if (r.statusCode() == 404) {
        k = Optional.empty();
      } else if (r.statusCode() == 200) {
        k = Optional.of(key(JSON.readTree(r.body())));
      } else {
        throw new IOException(ServerClient.describe(r));
      }
      lastKnown.put(hash, k);
      return k;
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot look a gateway key up on " + server.base() + ": " + e.getMessage());
      return lastKnown.getOrDefault(hash, Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return lastKnown.getOrDefault(hash, Optional.empty());
    }
  }

  static VirtualKey key(JsonNode n) {
    return new VirtualKey(n.get("id").asText(), text(n, "person"), text(n, "team"), text(n, "description"),
        Instant.parse(n.get("created").asText()), n.hasNonNull("revoked") ? Instant.parse(n.get("revoked").asText()) : null,
        text(n, "strategy"), models(n.get("models")));
  }

  private static Set<String> models(JsonNode a) {
    Set<String> out = new LinkedHashSet<>();
    if (a != null && a.isArray()) a.forEach(m -> out.add(m.asText()));
    return out;
  }

  private static String text(JsonNode n, String f) {
    return n.hasNonNull(f) ? n.get(f).asText() : null;
  }
}
