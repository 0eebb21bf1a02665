package io.tokenmaxx.gateway.keys;

/**
 * Where the gateway looks its keys up (the gateway's key SPI). Keys are found by the SHA-256 of
 * their secret ({@link io.tokenmaxx.identity.TokenSecrets#hash}), so no store ever holds a secret.
 * The gateway asks on every request and caches nothing, so a revocation takes effect on the next
 * request; an implementation that caches must keep that promise.
 */
public interface KeyStore {

  /** The key whose secret hashes to {@code secretHash}, revoked ones included; null when unknown. */
  VirtualKey findByHash(String secretHash);
}
