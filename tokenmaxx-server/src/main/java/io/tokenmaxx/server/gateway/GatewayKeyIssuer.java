package io.tokenmaxx.server.gateway;

import io.tokenmaxx.identity.TokenScope;
import io.tokenmaxx.identity.TokenStore;
import io.tokenmaxx.metering.KeyRouting;
import io.tokenmaxx.metering.KeyRoutingStore;
import java.util.function.Supplier;

/**
 * Creates a gateway key together with its routing (strategy, allowed models), for the tokens API
 * and the admin page. A key whose routing cannot be stored is revoked at once rather than left
 * working without its restrictions.
 */
public final class GatewayKeyIssuer {
  private final TokenStore tokens;
  private final Supplier<KeyRoutingStore> routing;

  public GatewayKeyIssuer(TokenStore tokens, Supplier<KeyRoutingStore> routing) {
    this.tokens = tokens;
    this.routing = routing;
  }

  /** A new gateway key for a person or a team; {@code r} comes checked from {@link KeyRoutingInput#parse}. */
  public TokenStore.NewToken issue(String personId, String team, String description, KeyRouting r) {
    TokenStore.NewToken t = tokens.create(TokenScope.GATEWAY, personId, team, description);
    if (!r.isDefault()) {
      try {
        routing.get().put(t.token().id(), r);
      } catch (RuntimeException e) {
        tokens.revoke(t.token().id());
        throw e;
      }
    }
    return t;
  }

  /** A key's routing; {@link KeyRouting#NONE} when it has none. */
  public KeyRouting routingOf(String tokenId) {
    return routing.get().find(tokenId).orElse(KeyRouting.NONE);
  }

  /** Every key's routing by token id. */
  public java.util.Map<String, KeyRouting> routings() {
    return routing.get().all();
  }
}
