package io.tokenmaxx.account;

import io.tokenmaxx.analyze.Role;
import java.time.Instant;
import java.util.Objects;

/**
 * A dashboard account. An account is a person of the directory, found by e-mail when it is made.
 *
 * @param id         stable id ({@code acc_...})
 * @param email      sign-in name, lower-cased
 * @param person     the directory person this account is, null when the e-mail is not in the
 *                   directory (such an account sees organization aggregates only)
 * @param role       what it may see
 * @param disabled   a disabled account cannot sign in and its sessions are ended
 * @param created    when it was made
 * @param lastSignIn last successful sign-in, null if never
 */
public record Account(String id, String email, String person, Role role, boolean disabled,
    Instant created, Instant lastSignIn) {

  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(created, "created");
  }
}
