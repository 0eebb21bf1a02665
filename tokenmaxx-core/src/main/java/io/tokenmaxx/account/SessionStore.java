package io.tokenmaxx.account;

import java.time.Instant;
import java.util.Optional;

/** Sign-in sessions, keyed by the hash of their id. */
public interface SessionStore {

  void create(SignInSession session);

  Optional<SignInSession> find(String idHash);

  /** Records activity; false when the session is gone. */
  boolean touch(String idHash, Instant lastSeen);

  /** Ends one session (sign-out); false when there was none. */
  boolean delete(String idHash);

  /** Ends every session of an account (disabled, password reset); returns how many. */
  int deleteForAccount(String account);

  /** Removes sessions idle since before {@code idleBefore} or past their absolute expiry. */
  int deleteExpired(Instant idleBefore, Instant now);
}
