package io.tokenmaxx.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import io.tokenmaxx.analyze.Role;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Markup in names, forged cross-site requests, injection in filters, and the protective headers. */
class SecurityBrowserTest extends BrowserTest {

  @Test
  void namesAndTeamsWithMarkupAreShownAsTextAndNeverRun() {
    Page page = signIn(Role.ADMIN);
    for (String path : new String[] {"/people/" + TestDashboard.XSS_PERSON, "/teams/" + TestDashboard.XSS_TEAM_ID,
        "/leaderboard?mode=named&measure=tokens", "/adoption", "/overview?team=" + TestDashboard.XSS_TEAM_ID,
        "/usage?team=" + TestDashboard.XSS_TEAM_ID}) {
      assertThat(open(page, path)).as(path).isEqualTo(200);
      assertThat(page.evaluate("() => window.__xss === undefined")).as(path).isEqualTo(true);
      assertThat(page.locator("img[src=x]").count()).as(path).isZero();
    }
    open(page, "/people/" + TestDashboard.XSS_PERSON);
    assertThat(page.locator("h1").textContent()).isEqualTo(TestDashboard.XSS_NAME);
    assertThat(page.locator(".subtitle").textContent()).contains("<b>Engineer</b>").contains(TestDashboard.XSS_TEAM);
    open(page, "/teams/" + TestDashboard.XSS_TEAM_ID);
    assertThat(page.locator("h1").textContent()).isEqualTo(TestDashboard.XSS_TEAM);
    assertThat(page.locator("select[name=team] option").allTextContents()).anyMatch(t -> t.contains(TestDashboard.XSS_TEAM));
    assertThat(dialogs).isEmpty();
    assertThat(pageErrors).isEmpty();
  }

  @Test
  void markupInTheQueryStringIsNotReflectedAsHtml() {
    Page page = signIn(Role.MEMBER);
    String evil = "\"><script>window.__xss=3</script><img src=x onerror=\"window.__xss=4\">";
    for (String key : new String[] {"team", "tool", "model", "department", "measure", "next"}) {
      open(page, "/leaderboard?" + key + "=" + java.net.URLEncoder.encode(evil, StandardCharsets.UTF_8));
      assertThat(page.evaluate("() => window.__xss === undefined")).as(key).isEqualTo(true);
      assertThat(page.locator("img[src=x]").count()).as(key).isZero();
    }
    assertThat(dialogs).isEmpty();
  }

  @Test
  void aCrossSiteFormPostIsRefused() throws Exception {
    Page page = signIn(Role.ADMIN);
    int before = app.storage.accounts().list().size();
    HttpServer evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String form = "<!doctype html><form id=f method=post action='" + app.base + "/admin/accounts'>"
        + "<input name=email value='" + app.people.getLast().email() + "'><input name=role value=admin>"
        + "<input name=_csrf value=guessed></form><script>document.getElementById('f').submit()</script>";
    evil.createContext("/", x -> {
      byte[] b = form.getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().add("Content-Type", "text/html");
      x.sendResponseHeaders(200, b.length);
      x.getResponseBody().write(b);
      x.close();
    });
    evil.start();
    try {
      page.navigate("http://127.0.0.1:" + evil.getAddress().getPort() + "/");
      page.waitForURL(u -> u.startsWith(app.base));
      page.waitForLoadState();
      assertThat(page.locator("h1").textContent()).startsWith("403");
    } finally {
      evil.stop(0);
    }
    assertThat(app.storage.accounts().list()).hasSize(before);
  }

  @Test
  void statechangingRequestsNeedTheSessionTokenAndThisSitesOrigin() {
    WebClient c = new WebClient(app.base);
    String token = c.signIn(app.email(Role.ADMIN), app.password(Role.ADMIN));
    int before = app.storage.accounts().list().size();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("email", "nobody-" + System.nanoTime() + "@example.com");
    form.put("role", "admin");

    assertThat(c.post("/admin/accounts", form, app.base).statusCode()).as("no token").isEqualTo(403);
    form.put("_csrf", "x" + token);
    assertThat(c.post("/admin/accounts", form, app.base).statusCode()).as("wrong token").isEqualTo(403);
    form.put("_csrf", token);
    assertThat(c.post("/admin/accounts", form, "http://evil.example").statusCode()).as("other origin").isEqualTo(403);
    assertThat(c.post("/admin/accounts", form, null).statusCode()).as("no origin").isEqualTo(403);
    assertThat(app.storage.accounts().list()).hasSize(before);

    // The same request with the token and this site's origin goes through (an admin-only account).
    assertThat(c.post("/admin/accounts", form, app.base).statusCode()).isEqualTo(200);
    assertThat(app.storage.accounts().list()).hasSize(before + 1);
  }

  @Test
  void signOutItselfNeedsTheToken() {
    WebClient c = new WebClient(app.base);
    c.signIn(app.email(Role.MEMBER), app.password(Role.MEMBER));
    assertThat(c.post("/logout", Map.of(), app.base).statusCode()).isEqualTo(403);
    assertThat(c.get("/overview").statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"' OR '1'='1", "x'; DROP TABLE usage_record; --", "\" OR 1=1 --",
      "engineering' UNION SELECT * FROM web_account --", "%' OR person LIKE '%", "\\'; SELECT 1; --"})
  void injectionInFiltersMatchesNothingAndLeaksNothing(String evil) {
    WebClient c = new WebClient(app.base);
    c.signIn(app.email(Role.ADMIN), app.password(Role.ADMIN));
    for (String key : new String[] {"department", "team", "tool", "model"}) {
      HttpResponse<String> r = c.get("/leaderboard?measure=tokens&" + key + "="
          + java.net.URLEncoder.encode(evil, StandardCharsets.UTF_8));
      assertThat(r.statusCode()).as(key).isEqualTo(200);
      assertThat(r.body()).as(key).doesNotContainIgnoringCase("sql").doesNotContain("Exception")
          .doesNotContain("duckdb").doesNotContain("password_hash");
      assertThat(r.body()).as(key).contains("Nobody used AI in this range with these filters.");
    }
    assertThat(app.storage.usageStore().countUsage()).isPositive();
    assertThat(c.get("/leaderboard?measure=tokens").body()).contains("people ranked by tokens");
  }

  @Test
  void badFilterValuesAnswerAClearErrorAndNoInternals() {
    WebClient c = new WebClient(app.base);
    c.signIn(app.email(Role.MEMBER), app.password(Role.MEMBER));
    HttpResponse<String> r = c.get("/overview?from=2026-13-45");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("Bad value for 'from': expected a date as yyyy-MM-dd").doesNotContain("DateTimeParseException");
    r = c.get("/overview?from=2026-03-10&to=2026-03-01");
    assertThat(r.statusCode()).isEqualTo(400);
    r = c.get("/leaderboard?measure=everything");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("measure");
  }

  @Test
  void everyAnswerCarriesTheProtectiveHeaders() {
    WebClient c = new WebClient(app.base);
    for (String path : new String[] {"/login", "/overview", "/static/app.css", "/no-such-page"}) {
      var h = c.get(path).headers();
      assertThat(h.firstValue("content-security-policy")).as(path).hasValueSatisfying(v -> assertThat(v)
          .contains("script-src 'self'").doesNotContain("script-src 'self' 'unsafe-inline'")
          .contains("frame-ancestors 'none'").startsWith("default-src 'none'"));
      assertThat(h.firstValue("x-content-type-options")).as(path).contains("nosniff");
      assertThat(h.firstValue("referrer-policy")).as(path).contains("same-origin");
      assertThat(h.firstValue("x-frame-options")).as(path).contains("DENY");
    }
  }

  @Test
  void signingInIssuesANewSessionIdAndEndsTheOneTheBrowserHad() {
    WebClient earlier = new WebClient(app.base);
    earlier.signIn(app.email(Role.MEMBER), app.password(Role.MEMBER));
    String planted = session(earlier);

    // A browser that carries that session id (fixation) signs in: it gets a new id, the old one ends.
    WebClient c = new WebClient(app.base);
    String token = WebClient.match(java.util.regex.Pattern.compile("name=\"_login\" value=\"([^\"]+)\""), c.get("/login").body());
    java.net.HttpCookie cookie = new java.net.HttpCookie("tmx_session", planted);
    cookie.setPath("/");
    c.cookies.getCookieStore().add(java.net.URI.create(app.base), cookie);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_login", token);
    form.put("email", app.email(Role.MEMBER));
    form.put("password", app.password(Role.MEMBER));
    HttpResponse<String> signedIn = c.post("/login", form, app.base);
    assertThat(signedIn.statusCode()).isEqualTo(303);
    String issued = signedIn.headers().allValues("set-cookie").stream().filter(h -> h.startsWith("tmx_session="))
        .findFirst().orElseThrow();
    assertThat(issued).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
    String fresh = issued.substring("tmx_session=".length(), issued.indexOf(';'));
    assertThat(fresh).isNotEqualTo(planted).hasSizeGreaterThanOrEqualTo(43);
    WebClient after = new WebClient(app.base);
    java.net.HttpCookie k = new java.net.HttpCookie("tmx_session", fresh);
    k.setPath("/");
    after.cookies.getCookieStore().add(java.net.URI.create(app.base), k);
    assertThat(after.get("/overview").statusCode()).isEqualTo(200);
    assertThat(earlier.get("/overview").statusCode()).isEqualTo(303);
  }

  @Test
  void theSessionCookieIsHttpOnlyAndLaxAndHiddenFromScripts() {
    Page page = signIn(Role.MEMBER);
    var cookie = page.context().cookies().stream().filter(k -> k.name.equals("tmx_session")).findFirst().orElseThrow();
    assertThat(cookie.httpOnly).isTrue();
    assertThat(cookie.sameSite.name()).isEqualTo("LAX");
    assertThat(cookie.path).isEqualTo("/");
    assertThat(page.evaluate("() => document.cookie")).asString().doesNotContain("tmx_session");
  }

  static String session(WebClient c) {
    return c.cookies.getCookieStore().getCookies().stream().filter(k -> k.getName().equals("tmx_session"))
        .reduce((a, b) -> b).orElseThrow().getValue();
  }
}
