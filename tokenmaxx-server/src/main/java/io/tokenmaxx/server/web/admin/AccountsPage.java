package io.tokenmaxx.server.web.admin;

import io.helidon.http.Status;
import io.tokenmaxx.account.Account;
import io.tokenmaxx.analyze.Role;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.server.web.Access;
import io.tokenmaxx.server.web.NavItem;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.server.web.PageRoutes;
import io.tokenmaxx.server.web.Result;
import io.tokenmaxx.server.web.View;
import io.tokenmaxx.server.web.WebContext;
import io.tokenmaxx.server.web.WebError;
import io.tokenmaxx.server.web.WebRequest;
import io.tokenmaxx.server.web.auth.AccountAdmin;
import io.tokenmaxx.server.web.auth.Passwords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /admin/accounts}: every account with its person, role and state; create one (the password
 * is generated and shown once), reset a password, change a role, disable or enable. An admin cannot
 * disable or demote their own account (so the last admin cannot lock everyone out by mistake).
 */
public final class AccountsPage implements Page {

  /** One account as listed. */
  public record Row(Account account, Person person, boolean self) {}

  /**
   * @param rows     every account
   * @param created  the account just created or reset, with its one-time password
   * @param error    why the last change was refused
   * @param form     the e-mail typed in the create form (kept after an error)
   */
  public record Model(List<Row> rows, Issued issued, String error, String email, List<Role> roles) {}

  /** A password just set: shown once, never stored in clear. */
  public record Issued(String email, String password, boolean reset) {}

  private final WebContext ctx;
  private final AccountAdmin admin;

  public AccountsPage(WebContext ctx) {
    this.ctx = ctx;
    this.admin = new AccountAdmin(ctx.accounts(), ctx.directory(), ctx.passwords(), ctx.sessions()::endAll);
  }

  @Override
  public List<NavItem> nav() {
    return List.of(NavItem.admin("accounts", "Accounts", "/admin/accounts", 910));
  }

  @Override
  public void routes(PageRoutes r) {
    r.get("/admin/accounts", Access.ADMIN, w -> view(w, null, null, ""));
    r.post("/admin/accounts", Access.ADMIN, this::create);
    r.post("/admin/accounts/{id}/reset", Access.ADMIN, this::reset);
    r.post("/admin/accounts/{id}/role", Access.ADMIN, this::role);
    r.post("/admin/accounts/{id}/disable", Access.ADMIN, w -> enable(w, false));
    r.post("/admin/accounts/{id}/enable", Access.ADMIN, w -> enable(w, true));
  }

  private Result create(WebRequest w) {
    String email = w.form().text("email");
    try {
      Role role = Role.parse(w.form().text("role"));
      String password = Passwords.generate();
      Account a = admin.create(email, role, password);
      return view(w, new Issued(a.email(), password, false), null, "");
    } catch (IllegalArgumentException e) {
      return view(w, null, e.getMessage(), email).withStatus(Status.BAD_REQUEST_400);
    }
  }

  private Result reset(WebRequest w) {
    Account a = target(w);
    String password = Passwords.generate();
    admin.resetPassword(a.id(), password);
    return view(w, new Issued(a.email(), password, true), null, "");
  }

  private Result role(WebRequest w) {
    Account a = target(w);
    try {
      Role role = Role.parse(w.form().text("role"));
      if (a.id().equals(w.user().account().id()) && role != Role.ADMIN) {
        throw new IllegalArgumentException("you cannot remove your own admin role; ask another admin");
      }
      admin.setRole(a.id(), role);
      return Result.redirect("/admin/accounts");
    } catch (IllegalArgumentException e) {
      return view(w, null, e.getMessage(), "").withStatus(Status.BAD_REQUEST_400);
    }
  }

  private Result enable(WebRequest w, boolean enable) {
    Account a = target(w);
    if (!enable && a.id().equals(w.user().account().id())) {
      return view(w, null, "You cannot disable your own account.", "").withStatus(Status.BAD_REQUEST_400);
    }
    admin.setDisabled(a.id(), !enable);
    return Result.redirect("/admin/accounts");
  }

  private Account target(WebRequest w) {
    return ctx.accounts().byId(w.pathParam("id")).orElseThrow(WebError::notFound);
  }

  private View view(WebRequest w, Issued issued, String error, String email) {
    Map<String, Person> people = ctx.directory().people().stream()
        .collect(Collectors.toMap(Person::id, Function.identity(), (a, b) -> a));
    List<Row> rows = new ArrayList<>();
    for (Account a : ctx.accounts().list()) {
      rows.add(new Row(a, a.person() == null ? null : people.get(a.person()), a.id().equals(w.user().account().id())));
    }
    return Result.view("admin/accounts.jte", "Accounts", "accounts",
        new Model(rows, issued, error, email, List.of(Role.values()))).withoutFilterBar();
  }
}
