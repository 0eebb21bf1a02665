package io.tokenmaxx.server.web.auth;

import io.helidon.http.Status;
import io.tokenmaxx.server.web.Access;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.server.web.PageRoutes;
import io.tokenmaxx.server.web.Result;
import io.tokenmaxx.server.web.WebContext;
import io.tokenmaxx.server.web.WebRequest;

/** {@code /account}: who you are signed in as, your role and what it lets you see; change your password. */
public final class AccountPage implements Page {

  /** @param error why the password was not changed; @param changed it was */
  public record Model(String error, boolean changed) {}

  private final WebContext ctx;

  public AccountPage(WebContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void routes(PageRoutes r) {
    r.get("/account", Access.SIGNED_IN, w -> view(null, w.param("changed").isPresent(), Status.OK_200));
    r.post("/account/password", Access.SIGNED_IN, this::changePassword);
  }

  private Result changePassword(WebRequest w) {
    String current = w.form().raw("current");
    String next = w.form().raw("password");
    String again = w.form().raw("confirm");
    String id = w.user().account().id();
    if (!ctx.passwords().verify(current, ctx.accounts().passwordHash(id).orElse(null))) {
      return view("Your current password is not right.", false, Status.BAD_REQUEST_400);
    }
    if (!next.equals(again)) return view("The new passwords differ.", false, Status.BAD_REQUEST_400);
    String weak = Passwords.weakness(next);
    if (weak != null) return view("The new password " + weak + ".", false, Status.BAD_REQUEST_400);
    ctx.accounts().setPasswordHash(id, ctx.passwords().hash(next));
    ctx.sessions().endAll(id);
    ctx.sessions().signIn(w.request(), w.response(), w.user().account());
    return Result.redirect("/account?changed=1");
  }

  private Result view(String error, boolean changed, Status status) {
    return Result.view("account.jte", "Your account", null, new Model(error, changed))
        .withStatus(status).withoutFilterBar();
  }
}
