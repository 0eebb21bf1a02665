package io.tokenmaxx.gateway.keys;

import io.tokenmaxx.identity.TokenSecrets;
import io.tokenmaxx.model.RawIdentity;

/**
 * Who a pass-through request is from: a client that brings its own provider key is known only by a
 * hash of it, {@code api_key:sha256-} and the first 32 hex digits of the key's SHA-256. Mapping that
 * identity to a person in the directory ({@code tokenmaxx gateway alias}, {@code POST
 * /api/v1/aliases}) attributes the requests, earlier ones included.
 */
public final class PassThroughIdentity {
  private PassThroughIdentity() {}

  /** The identity of requests made with {@code providerKey}. */
  public static RawIdentity of(String providerKey) {
    return new RawIdentity(RawIdentity.Kind.API_KEY, hash(providerKey));
  }

  /** {@code sha256-} and the first 32 hex digits of the key's SHA-256. */
  public static String hash(String providerKey) {
    return "sha256-" + TokenSecrets.hash(providerKey.strip()).substring(0, 32);
  }
}
