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
  void repeatedFailuresHoldTheAddressBackForThatAccountEvenWithTheRightPassword() {
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

  @Test
  void behindAnHttpsProxyTheSessionCookieIsSecureAndHostBound() throws Exception {
    // The cookies are Secure, so a plain-http client would not send them back: carry them by hand.
    java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
        .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
    HttpResponse<String> page = http.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(app.base + "/login")).header("X-Forwarded-Proto", "https").build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    String loginCookie = page.headers().allValues("set-cookie").stream().filter(h -> h.startsWith("tmx_login="))
        .findFirst().orElseThrow();
    assertThat(loginCookie).contains("Secure");
    String form = WebClient.encode(Map.of("_login", WebClient.match(LOGIN, page.body()), "email", app.email(Role.MEMBER),
        "password", app.password(Role.MEMBER)));
    HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.base + "/login"))
        .header("X-Forwarded-Proto", "https").header("Origin", app.base)
        .header("Cookie", loginCookie.substring(0, loginCookie.indexOf(';')))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(303);
    String session = r.headers().allValues("set-cookie").stream().filter(h -> h.startsWith("__Host-tmx_session="))
        .findFirst().orElseThrow();
    assertThat(session).contains("Secure").contains("HttpOnly").contains("SameSite=Lax").contains("Path=/")
        .doesNotContain("Domain=");
    HttpResponse<String> signedIn = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.base + "/account"))
        .header("X-Forwarded-Proto", "https").header("Cookie", session.substring(0, session.indexOf(';'))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(200);
  }
}
