package io.tokenmaxx.server.web.auth;

import io.tokenmaxx.account.Account;
import io.tokenmaxx.analyze.Role;
import io.tokenmaxx.identity.Person;

/**
 * Who is signed in on this request.
 *
 * @param account   the account
 * @param person    the directory person the account is, null when unlinked
 * @param csrfToken the session's synchronizer token (goes into every form)
 * @param sessionIdHash the stored hash of the session id
 */
public record SignedIn(Account account, Person person, String csrfToken, String sessionIdHash) {

  public Role role() {
    return account.role();
  }

  public boolean admin() {
    return account.role() == Role.ADMIN;
  }

  /** The person id, or null when the account is not linked to a person. */
  public String personId() {
    return person == null ? account.person() : person.id();
  }

  /** Name to show: the person's name, else the e-mail. */
  public String displayName() {
    return person != null && person.name() != null ? person.name() : account.email();
  }
}
