package io.tokenmaxx.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tokenmaxx.identity.ApiToken;
import io.tokenmaxx.identity.TokenStore;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates API tokens against the {@link TokenStore}. Answers are cached briefly so a busy
 * exporter does not cost a database read per request; a revocation made through this server takes
 * effect at once ({@link #forget}), one made elsewhere within {@link #TTL}.
 */
public final class TokenAuthenticator implements Authenticator {
  static final Duration TTL = Duration.ofSeconds(30);

  private final TokenStore tokens;
  private final Cache<String, Optional<Principal>> cache = Caffeine.newBuilder()
      .maximumSize(10_000).expireAfterWrite(TTL).build();

  public TokenAuthenticator(TokenStore tokens) {
    this.tokens = tokens;
  }

  @Override
  public Optional<Principal> authenticate(String secret) {
    if (secret == null || secret.isBlank() || secret.length() > 512) return Optional.empty();
    // a gateway key opens the gateway's routes only, never this server's API
    return cache.get(secret, s -> tokens.authenticate(s).filter(t -> t.scope() != io.tokenmaxx.identity.TokenScope.GATEWAY)
        .map(TokenAuthenticator::principal));
  }

  private final java.util.List<Runnable> onForget = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Drops cached answers, e.g. after a token was revoked (and tells whoever caches tokens too). */
  public void forget() {
    cache.invalidateAll();
    onForget.forEach(Runnable::run);
  }

  /** Runs {@code r} whenever cached tokens must be forgotten (other caches of the token store). */
  public void onForget(Runnable r) {
    onForget.add(r);
  }

  static Principal principal(ApiToken t) {
    Set<Principal.Scope> scopes = EnumSet.of(switch (t.scope()) {
      case INGEST -> Principal.Scope.INGEST;
      case READ -> Principal.Scope.READ;
      case ADMIN -> Principal.Scope.ADMIN;
      case GATEWAY -> throw new IllegalArgumentException("a gateway key is no API token");
    });
    return new Principal(t.id(), scopes, t.person(), t.team());
  }
}
