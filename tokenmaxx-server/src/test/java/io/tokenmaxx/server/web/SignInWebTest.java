package io.tokenmaxx.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.analyze.Role;
import io.tokenmaxx.server.web.auth.Passwords;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sign-in form over plain HTTP: its own CSRF token, throttling, redirects that stay on this site. */
class SignInWebTest {
  static final Pattern LOGIN = Pattern.compile("name=\"_login\" value=\"([^\"]+)\"");
  static TestDashboard app;

  @BeforeAll
  static void start() {
    app = TestDashboard.get();
  }

  static HttpResponse<String> attempt(WebClient c, String email, String password, String next) {
    String token = WebClient.match(LOGIN, c.get("/login").body());
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_login", token);
    form.put("email", email);
    form.put("password", password);
    if (next != null) form.put("next", next);
    return c.post("/login", form, app.base);
  }

  @Test
  void repeatedFailuresLockTheAccountForAWhileEvenWithTheRightPassword() {
    String email = "throttled-" + System.nanoTime() + "@example.com";
    String password = "a long enough password";
    app.storage.accounts().create(email, null, Role.ADMIN, new Passwords(1024, 1, 1).hash(password));
    WebClient c = new WebClient(app.base);
    for (int i = 0; i < 5; i++) assertThat(attempt(c, email, "wrong password " + i, null).statusCode()).isEqualTo(401);
    HttpResponse<String> locked = attempt(c, email, password, null);
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.headers().firstValue("retry-after")).isPresent();
    assertThat(locked.body()).contains("Too many failed attempts");
    // Another account from elsewhere is not affected.
    assertThat(attempt(new WebClient(app.base), app.email(Role.MEMBER), app.password(Role.MEMBER), null).statusCode())
        .isEqualTo(303);
  }

  @Test
  void theSignInFormNeedsItsOwnToken() {
    WebClient c = new WebClient(app.base);
    c.get("/login");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_login", "forged");
    form.put("email", app.email(Role.MEMBER));
    form.put("password", app.password(Role.MEMBER));
    assertThat(c.post("/login", form, app.base).statusCode()).isEqualTo(403);
    WebClient fresh = new WebClient(app.base);
    form.remove("_login");
    assertThat(fresh.post("/login", form, app.base).statusCode()).isEqualTo(403);
    assertThat(fresh.get("/overview").statusCode()).isEqualTo(303);
  }

  @Test
  void afterSignInTheRedirectStaysOnThisSite() {
    for (String next : new String[] {"//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"}) {
      HttpResponse<String> r = attempt(new WebClient(app.base), app.email(Role.MEMBER), app.password(Role.MEMBER), next);
      assertThat(r.statusCode()).as(next).isEqualTo(303);
      assertThat(r.headers().firstValue("location")).as(next).contains("/overview");
    }
    HttpResponse<String> r = attempt(new WebClient(app.base), app.email(Role.MEMBER), app.password(Role.MEMBER), "/usage?tool=codex");
    assertThat(r.headers().firstValue("location")).contains("/usage?tool=codex");
  }

  @Test
  void signInPageWorksWithoutSessionAndSetsAStrictShortLivedFormCookie() {
    HttpResponse<String> r = new WebClient(app.base).get("/login");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().allValues("set-cookie")).anyMatch(h -> h.startsWith("tmx_login=") && h.contains("HttpOnly")
        && h.contains("SameSite=Strict") && h.contains("Path=/login"));
    assertThat(r.body()).doesNotContain("<script>");
  }
}
