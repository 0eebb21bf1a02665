package io.tokenmaxx.server.web.auth;

import io.tokenmaxx.account.Account;
import io.tokenmaxx.account.AccountStore;
import io.tokenmaxx.analyze.Role;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.model.RawIdentity;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Making and changing accounts, with the rules that keep them sound: an account is the directory
 * person with its e-mail (managers and members must be one: their scope is their reporting subtree
 * or themselves); passwords are hashed here; disabling or resetting ends the account's sessions.
 */
public final class AccountAdmin {
  private final AccountStore accounts;
  private final Directory directory;
  private final Passwords passwords;
  private final Consumer<String> endSessions;

  /** @param endSessions ends every session of an account id */
  public AccountAdmin(AccountStore accounts, Directory directory, Passwords passwords, Consumer<String> endSessions) {
    this.accounts = accounts;
    this.directory = directory;
    this.passwords = passwords;
    this.endSessions = endSessions;
  }

  /** The person with this e-mail (primary e-mail or an e-mail alias). */
  public Optional<String> personFor(String email) {
    String e = email.strip().toLowerCase(Locale.ROOT);
    return directory.resolve(RawIdentity.email(e));
  }

  /**
   * Creates an account.
   *
   * @throws IllegalArgumentException naming what is wrong: a bad e-mail, a weak password, a
   *     manager or member who is not in the directory, an e-mail that has an account
   */
  public Account create(String email, Role role, String password) {
    String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    if (!e.matches("[^@\\s]+@[^@\\s]+")) throw new IllegalArgumentException("'" + email + "' is not an e-mail address");
    String weak = Passwords.weakness(password);
    if (weak != null) throw new IllegalArgumentException("the password " + weak);
    String person = personFor(e).orElse(null);
    if (person == null && role != Role.ADMIN) {
      throw new IllegalArgumentException("no person in the directory has the e-mail " + e
          + "; a " + role.label() + " account must be a person of the directory (add them, or an e-mail alias, first)");
    }
    if (accounts.byEmail(e).isPresent()) throw new IllegalArgumentException("an account for " + e + " exists already");
    return accounts.create(e, person, role, passwords.hash(password));
  }

  public void resetPassword(String id, String password) {
    String weak = Passwords.weakness(password);
    if (weak != null) throw new IllegalArgumentException("the password " + weak);
    if (!accounts.setPasswordHash(id, passwords.hash(password))) throw new IllegalArgumentException("no account " + id);
    endSessions.accept(id);
  }

  public void setRole(String id, Role role) {
    Account a = accounts.byId(id).orElseThrow(() -> new IllegalArgumentException("no account " + id));
    if (a.person() == null && role != Role.ADMIN) {
      throw new IllegalArgumentException(a.email() + " is not a person of the directory, so it can only be an admin");
    }
    accounts.setRole(id, role);
    endSessions.accept(id);
  }

  public void setDisabled(String id, boolean disabled) {
    if (!accounts.setDisabled(id, disabled)) throw new IllegalArgumentException("no account " + id);
    if (disabled) endSessions.accept(id);
  }
}
