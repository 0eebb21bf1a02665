package io.tokenmaxx.server.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tokenmaxx.gateway.keys.KeyStore;
import io.tokenmaxx.gateway.keys.VirtualKey;
import io.tokenmaxx.identity.ApiToken;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.identity.TokenScope;
import io.tokenmaxx.identity.TokenStore;
import io.tokenmaxx.metering.KeyRouting;
import io.tokenmaxx.metering.KeyRoutingStore;
import java.time.Duration;
import java.util.Optional;
import java.util.LinkedHashSet;

/**
 * Gateway keys from the store: tokens of scope {@code gateway} ({@code tokenmaxx token create
 * --scope gateway}, the tokens API, the admin page). A person's key counts against the person's
 * team in the directory, and carries its own routing (strategy, allowed models) when it has one. Lookups are cached briefly so that a request costs no database read; a
 * revocation made through this server empties the cache at once ({@link #forget}), one made by
 * another server sharing the store takes effect within {@link #TTL}.
 */
public final class StoredKeys implements KeyStore {
  static final Duration TTL = Duration.ofSeconds(30);

  private final TokenStore tokens;
  private final Directory directory;
  private final KeyRoutingStore routing;
  private final Cache<String, Optional<VirtualKey>> cache;

  public StoredKeys(TokenStore tokens, Directory directory, KeyRoutingStore routing) {
    this(tokens, directory, routing, TTL);
  }

  StoredKeys(TokenStore tokens, Directory directory, KeyRoutingStore routing, Duration ttl) {
    this.tokens = tokens;
    this.directory = directory;
    this.routing = routing;
    this.cache = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(ttl).build();
  }

  @Override
  public VirtualKey findByHash(String secretHash) {
    return cache.get(secretHash, h -> tokens.findByHash(h).filter(t -> t.scope() == TokenScope.GATEWAY).map(this::key))
        .orElse(null);
  }

  /** Drops every cached key (after a revocation). */
  public void forget() {
    cache.invalidateAll();
  }

  private VirtualKey key(ApiToken t) {
    String team = t.team();
    if (team == null && t.person() != null) team = directory.person(t.person()).map(Person::team).orElse(null);
    KeyRouting r = routing.find(t.id()).orElse(KeyRouting.NONE);
    return new VirtualKey(t.id(), t.person(), team, t.description(), t.created(), t.revoked(), r.strategy(),
        new LinkedHashSet<>(r.models()));
  }
}
