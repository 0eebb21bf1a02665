package io.tokenmaxx.account;

import io.tokenmaxx.analyze.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Dashboard accounts. Passwords are kept only as the encoded hash the caller computed; the store
 * never sees a password.
 */
public interface AccountStore {

  /**
   * Creates an account.
   *
   * @throws IllegalArgumentException when an account with that e-mail exists
   */
  Account create(String email, String person, Role role, String passwordHash);

  Optional<Account> byId(String id);

  /** The account signing in with this e-mail (case-insensitive). */
  Optional<Account> byEmail(String email);

  /** The stored password hash of an account. */
  Optional<String> passwordHash(String id);

  /** Every account, ordered by e-mail. */
  List<Account> list();

  /** False when there is no such account. */
  boolean setPasswordHash(String id, String passwordHash);

  boolean setRole(String id, Role role);

  boolean setDisabled(String id, boolean disabled);

  /** Links the account to another person (or none). */
  boolean setPerson(String id, String person);

  void recordSignIn(String id, Instant at);
}
