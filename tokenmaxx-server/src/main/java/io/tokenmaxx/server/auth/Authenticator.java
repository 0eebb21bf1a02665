package io.tokenmaxx.server.auth;

import java.util.Optional;

/** Turns a presented bearer token into a {@link Principal}, or nothing when it is unknown or revoked. */
public interface Authenticator {
  Optional<Principal> authenticate(String token);
}
