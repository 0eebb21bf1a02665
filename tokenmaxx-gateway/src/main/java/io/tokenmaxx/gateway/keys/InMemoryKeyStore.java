package io.tokenmaxx.gateway.keys;

import io.tokenmaxx.identity.TokenSecrets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Keys held in memory: for tests, the standalone gateway without a server, and as the reference. */
public final class InMemoryKeyStore implements KeyStore {
  private final Map<String, VirtualKey> byHash = new ConcurrentHashMap<>();
  private final Map<String, String> hashById = new ConcurrentHashMap<>();
  private final Clock clock;

  /** A new key and its secret, which is shown once and never kept. */
  public record Created(VirtualKey key, String secret) {}

  public InMemoryKeyStore(Clock clock) {
    this.clock = clock;
  }

  public Created create(String person, String team, String description) {
    return create(person, team, description, null, Set.of());
  }

  public Created create(String person, String team, String description, String strategy, Set<String> models) {
    String secret = TokenSecrets.newSecret();
    VirtualKey k = new VirtualKey(TokenSecrets.newId().replace("tok_", "key_"), person, team, description,
        clock.instant(), null, strategy, models);
    add(k, TokenSecrets.hash(secret));
    return new Created(k, secret);
  }

  /** Adds a key known by its secret's hash (keys made elsewhere). */
  public void add(VirtualKey key, String secretHash) {
    byHash.put(secretHash, key);
    hashById.put(key.id(), secretHash);
  }

  /** Revokes a key; the next request with it is refused. False when there is no such key. */
  public boolean revoke(String id) {
    String h = hashById.get(id);
    if (h == null) return false;
    byHash.computeIfPresent(h, (x, k) -> k.active() ? k.revokedAt(clock.instant()) : k);
    return true;
  }

  public List<VirtualKey> list() {
    return List.copyOf(byHash.values());
  }

  @Override
  public VirtualKey findByHash(String secretHash) {
    return byHash.get(secretHash);
  }
}
