package io.tokenmaxx.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.tokenmaxx.analyze.Role;
import io.tokenmaxx.identity.Person;
import org.junit.jupiter.api.Test;

/** What each role may and may not see, in a browser, including tampered URLs. */
class RoleAccessBrowserTest extends BrowserTest {

  String name(String personId) {
    return app.people.stream().filter(p -> p.id().equals(personId)).map(Person::name).findFirst().orElseThrow();
  }

  @Test
  void signedOutVisitorsAreSentToSignInAndBackAfterwards() {
    Page page = newPage();
    page.navigate(app.base + "/spend?from=2026-02-20");
    assertThat(page.url()).contains("/login?next=");
    page.fill("input[name=email]", app.email(Role.MEMBER));
    page.fill("input[name=password]", app.password(Role.MEMBER));
    page.click("button[type=submit]");
    page.waitForURL(u -> u.contains("/spend"));
    assertThat(page.url()).endsWith("/spend?from=2026-02-20");
    assertThat(page.locator("h1").textContent()).isEqualTo("Spend");
  }

  @Test
  void wrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
    Page page = newPage();
    page.navigate(app.base + "/login");
    page.fill("input[name=email]", app.email(Role.MEMBER));
    page.fill("input[name=password]", "not the password at all");
    page.click("button[type=submit]");
    assertThat(page.locator(".error").textContent()).contains("Wrong e-mail or password");
    page.fill("input[name=email]", "nobody@example.com");
    page.fill("input[name=password]", "not the password at all");
    page.click("button[type=submit]");
    assertThat(page.locator(".error").textContent()).contains("Wrong e-mail or password");
    assertThat(open(page, "/overview")).isEqualTo(200);
    assertThat(page.url()).contains("/login");
  }

  @Test
  void adminSeesEveryPageAndNamedLeaderboard() {
    Page page = signIn(Role.ADMIN);
    for (String path : new String[] {"/overview", "/adoption", "/leaderboard", "/usage", "/spend",
        "/admin/accounts", "/admin/tokens", "/admin/audit", "/people/" + app.outsideSubtree,
        "/people/" + app.inSubtree}) {
      assertThat(open(page, path)).as(path).isEqualTo(200);
      assertThat(page.locator(".error").count()).as(path).isZero();
    }
    assertThat(page.locator("nav .nav-admin").textContent()).contains("Accounts", "API tokens", "Audit log");
    // On a 1366-px laptop the bar is one row: the admin entries sit in a menu at its end.
    open(page, "/overview");
    assertThat(page.locator("header.top").boundingBox().height).isLessThan(60);
    assertThat(page.locator("nav .nav-admin a:has-text('Audit log')").isVisible()).isFalse();
    page.click("nav .nav-admin summary");
    assertThat(page.locator("nav .nav-admin a:has-text('Audit log')").isVisible()).isTrue();
    page.click("main h1"); // a click elsewhere closes it
    assertThat(page.locator("nav .nav-admin a:has-text('Audit log')").isVisible()).isFalse();
    page.click("nav .nav-admin summary");
    page.click("nav .nav-admin a:has-text('Audit log')");
    page.waitForURL(u -> u.endsWith("/admin/audit"));
    assertThat(page.locator("nav .nav-admin summary").getAttribute("aria-current")).isEqualTo("page");
    open(page, "/leaderboard?mode=named");
    assertThat(page.locator(".picker a[aria-current=true]").allTextContents()).contains("Named");
    assertThat(page.locator("table.leaderboard tbody").textContent()).contains(name(app.outsideSubtree));
  }

  @Test
  void managerSeesTheirSubtreeButNobodyElse() {
    Page page = signIn(Role.MANAGER);
    assertThat(open(page, "/people/" + app.inSubtree)).isEqualTo(200);
    assertThat(page.locator("h1").textContent()).isEqualTo(name(app.inSubtree));

    assertThat(open(page, "/people/" + app.outsideSubtree)).isEqualTo(404);
    assertThat(page.content()).doesNotContain(name(app.outsideSubtree));
    assertThat(open(page, "/people/" + app.personOf.get(Role.ADMIN))).isEqualTo(404);
    assertThat(open(page, "/people/no-such-person")).isEqualTo(404);

    assertThat(open(page, "/admin/accounts")).isEqualTo(403);
    assertThat(page.locator("nav .nav-admin").count()).isZero();
  }

  @Test
  void memberSeesOnlyThemselvesAndAggregates() {
    Page page = signIn(Role.MEMBER);
    String me = app.personOf.get(Role.MEMBER);
    assertThat(open(page, "/me")).isEqualTo(200);
    assertThat(page.url()).endsWith("/people/" + me);
    assertThat(page.locator("h1").textContent()).isEqualTo(name(me));

    for (String other : new String[] {app.inSubtree, app.outsideSubtree, app.personOf.get(Role.MANAGER)}) {
      assertThat(open(page, "/people/" + other)).as(other).isEqualTo(404);
      assertThat(page.content()).doesNotContain(name(other));
    }
    for (String admin : new String[] {"/admin/accounts", "/admin/tokens", "/admin/audit"}) {
      assertThat(open(page, admin)).as(admin).isEqualTo(403);
    }
  }

  @Test
  void membersCannotTurnTheLeaderboardIntoANamedOne() {
    Page page = signIn(Role.MEMBER);
    assertThat(open(page, "/leaderboard?mode=named&measure=tokens")).isEqualTo(200);
    assertThat(page.locator(".picker a").allTextContents()).doesNotContain("Named");
    String table = page.locator("table.leaderboard tbody").textContent();
    assertThat(table).contains(name(app.personOf.get(Role.MEMBER)));
    for (Person p : app.people) {
      if (!p.id().equals(app.personOf.get(Role.MEMBER)) && p.name() != null) {
        assertThat(table).as("name of %s", p.id()).doesNotContain(p.name());
      }
    }
  }

  @Test
  void theViewersOwnRowIsHighlightedAndFindMeGoesToIt() {
    Page page = signIn(Role.MEMBER);
    open(page, "/leaderboard?measure=tokens");
    String findMe = page.locator("a.find-me").getAttribute("href");
    assertThat(findMe).endsWith("#me");
    page.click("a.find-me");
    assertThat(page.locator("tr.me").count()).isEqualTo(1);
    assertThat(page.locator("tr#me .tag.you").textContent()).isEqualTo("you");
    assertThat(page.locator("tr#me").isVisible()).isTrue();
  }

  @Test
  void filtersStayInTheUrlAndApplyToEveryPage() {
    Page page = signIn(Role.ADMIN);
    open(page, "/usage");
    page.selectOption("select[name=tool]", "codex");
    page.waitForURL(u -> u.contains("tool=codex"));
    page.waitForLoadState();
    assertThat(page.locator("select[name=tool]").inputValue()).isEqualTo("codex");
    page.click("nav a:has-text('Spend')");
    page.waitForURL(u -> u.contains("/spend"));
    assertThat(page.url()).contains("tool=codex");
    assertThat(page.locator("select[name=tool]").inputValue()).isEqualTo("codex");
  }

  @Test
  void signingOutEndsTheSession() {
    Page page = signIn(Role.MEMBER);
    page.click("button:has-text('Sign out')");
    page.waitForURL(u -> u.contains("/login"));
    assertThat(page.locator(".notice").textContent()).contains("signed out");
    open(page, "/overview");
    assertThat(page.url()).contains("/login");
  }

  @Test
  void chartsAreDrawnWithoutScriptErrors() {
    Page page = signIn(Role.ADMIN);
    for (String path : new String[] {"/overview", "/adoption", "/usage", "/spend", "/people/" + app.inSubtree}) {
      open(page, path);
      page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
      int charts = page.locator("[data-chart]").count();
      assertThat(page.locator("[data-chart][data-drawn] svg").count()).as(path).isEqualTo(charts);
    }
    assertThat(pageErrors).isEmpty();
  }
}
