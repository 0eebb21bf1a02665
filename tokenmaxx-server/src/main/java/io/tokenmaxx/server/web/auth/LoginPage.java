package io.tokenmaxx.server.web.auth;

import io.helidon.http.HeaderNames;
import io.helidon.http.SetCookie;
import io.helidon.http.Status;
import io.tokenmaxx.account.Account;
import io.tokenmaxx.server.web.Access;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.server.web.PageRoutes;
import io.tokenmaxx.server.web.Result;
import io.tokenmaxx.server.web.View;
import io.tokenmaxx.server.web.WebContext;
import io.tokenmaxx.server.web.WebRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code GET/POST /login}, {@code POST /logout}. The sign-in form carries its own CSRF token, also
 * set in a short-lived cookie (no session exists yet); failures are throttled per account and per
 * address and answered the same way whether the account exists or not.
 */
public final class LoginPage implements Page {
  static final String LOGIN_COOKIE = "tmx_login";
  static final String LOGIN_FIELD = "_login";

  /**
   * @param email  prefilled e-mail
   * @param error  why the last attempt failed, or null
   * @param token  the form's token
   * @param next   where to go after signing in
   * @param signedOut the visitor just signed out
   */
  public record Model(String email, String error, String token, String next, boolean signedOut) {}

  private final WebContext ctx;

  public LoginPage(WebContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void routes(PageRoutes r) {
    r.get("/login", Access.PUBLIC, this::form);
    r.postPublic("/login", this::signIn);
    r.post("/logout", Access.SIGNED_IN, this::signOut);
  }

  private Result form(WebRequest w) {
    String next = safeNext(w.param("next").orElse(null));
    if (w.user() != null) return Result.redirect(next);
    return page(w, "", null, next, w.param("out").isPresent(), Status.OK_200);
  }

  private Result signIn(WebRequest w) {
    String email = w.form().text("email");
    String next = safeNext(w.form().text("next"));
    String sent = w.form().raw(LOGIN_FIELD);
    String expected = w.request().headers().cookies().first(LOGIN_COOKIE).orElse("");
    if (expected.isEmpty() || !Csrf.equal(sent, expected)) {
      return page(w, email, "The sign-in form expired. Please try again.", next, false, Status.FORBIDDEN_403);
    }
    Duration wait = ctx.throttle().retryAfter(email, w.clientAddress());
    if (!wait.isZero()) {
      long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
      w.response().header(HeaderNames.RETRY_AFTER, Long.toString(wait.toSeconds()));
      return page(w, email, "Too many failed attempts. Try again in " + minutes + " minute"
          + (minutes == 1 ? "" : "s") + ".", next, false, Status.TOO_MANY_REQUESTS_429);
    }
    String password = w.form().raw("password");
    Optional<Account> account = email.isEmpty() ? Optional.empty() : ctx.accounts().byEmail(email);
    boolean ok;
    if (account.isPresent() && !account.get().disabled()) {
      ok = ctx.passwords().verify(password, ctx.accounts().passwordHash(account.get().id()).orElse(null));
    } else {
      ctx.passwords().verifyNothing(password);
      ok = false;
    }
    if (!ok) {
      ctx.throttle().failed(email, w.clientAddress());
      return page(w, email, "Wrong e-mail or password.", next, false, Status.UNAUTHORIZED_401);
    }
    ctx.throttle().succeeded(email);
    ctx.sessions().signIn(w.request(), w.response(), account.get());
    clearLoginCookie(w);
    return Result.redirect(next);
  }

  private Result signOut(WebRequest w) {
    ctx.sessions().signOut(w.request(), w.response());
    return Result.redirect("/login?out=1");
  }

  private View page(WebRequest w, String email, String error, String next, boolean out, Status status) {
    String token = Sessions.random();
    boolean secure = ctx.sessions().settings().secureFor(w.request());
    w.response().headers().addCookie(SetCookie.builder(LOGIN_COOKIE, token).path("/login").httpOnly(true)
        .secure(secure).sameSite(SetCookie.SameSite.STRICT).maxAge(Duration.ofMinutes(30)).build());
    return Result.view("login.jte", "Sign in", null, new Model(email, error, token, next, out))
        .withStatus(status).withoutFilterBar();
  }

  private static void clearLoginCookie(WebRequest w) {
    w.response().headers().addCookie(SetCookie.builder(LOGIN_COOKIE, "").path("/login").httpOnly(true)
        .maxAge(Duration.ZERO).build());
  }

  /** Only paths of this site: anything else (another host, a scheme, backslashes) goes to the overview. */
  static String safeNext(String next) {
    if (next == null || next.isEmpty() || !next.startsWith("/") || next.startsWith("//")
        || next.contains("\\") || next.length() > 2000 || next.startsWith("/login")
        || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      return "/overview";
    }
    return next;
  }
}
