package io.tokenmaxx.account;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in browser. The cookie holds a random 256-bit id; the store holds only its hash.
 *
 * @param idHash    SHA-256 (hex) of the cookie's session id
 * @param account   the account signed in
 * @param csrfToken the synchronizer token every state-changing request of this session must carry
 * @param created   sign-in time
 * @param lastSeen  last request (updated at most once a minute)
 * @param expires   absolute end, whatever the activity
 */
public record SignInSession(String idHash, String account, String csrfToken, Instant created,
    Instant lastSeen, Instant expires) {

  public SignInSession {
    Objects.requireNonNull(idHash, "idHash");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(csrfToken, "csrfToken");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(expires, "expires");
  }
}
