package io.tokenmaxx.identity;

import java.util.List;
import java.util.Optional;

/**
 * Tokens that authenticate ingest, reads and administration. Only a SHA-256 hash of each secret is
 * stored; the secret is returned once, by {@link #create}.
 */
public interface TokenStore {

  /** A new token for a person or a team (or neither, for admin tokens). */
  NewToken create(TokenScope scope, String person, String team, String description);

  /** The active token whose secret this is, if any. */
  Optional<ApiToken> authenticate(String secret);

  /**
   * The token whose secret hashes to {@code secretHash} ({@link TokenSecrets#hash}), revoked or
   * not; empty when none does.
   */
  Optional<ApiToken> findByHash(String secretHash);

  /** Revokes a token by id; false when no active token has that id. */
  boolean revoke(String id);

  /** Every token, active and revoked, oldest first. */
  List<ApiToken> list();

  /** A created token and its secret, which is never shown again. */
  record NewToken(ApiToken token, String secret) {
    @Override
    public String toString() {
      return "NewToken[" + token + ", secret=***]";
    }
  }
}
