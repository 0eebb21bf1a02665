package io.tokenmaxx.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.tokenmaxx.analyze.Role;
import io.tokenmaxx.analyze.store.GroupKey;
import io.tokenmaxx.analyze.store.Scope;
import io.tokenmaxx.identity.Person;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The first hour of an administrator: import the directory, create an ingest token on the connect
 * page, paste a set-up — and the token works. Screenshots go to {@code -Dtokenmaxx.screenshots=DIR}.
 */
class ConnectBrowserTest extends BrowserTest {

  @Test
  void anAdminCreatesATokenAndEverySetUpCarriesItAndThisServer() throws Exception {
    Page page = signIn(Role.ADMIN);
    assertThat(open(page, "/admin/connect")).isEqualTo(200);
    assertThat(page.locator("nav").textContent()).contains("Connect agents");
    assertThat(page.locator("#setups pre").count()).isEqualTo(4);
    assertThat(page.locator("#setup-claude-code pre").textContent()).contains("tmx_...").contains(app.base);

    Person member = app.people.stream().filter(p -> p.email() != null && p.email().equals(app.email(Role.MEMBER)))
        .findFirst().orElseThrow();
    page.fill("input[name=person]", member.email().toUpperCase());
    page.fill("input[name=description]", "laptop of the member");
    page.click("#create-token");
    page.waitForLoadState();
    String secret = page.locator("#new-secret").textContent().strip();
    assertThat(secret).startsWith("tmx_");
    for (String setup : List.of("claude-code", "codex", "gemini-cli", "push")) {
      assertThat(page.locator("#setup-" + setup + " pre").textContent()).as(setup).contains(secret).contains(app.base);
    }
    assertThat(page.locator("#setup-codex pre").textContent()).contains(app.base + "/v1/logs").contains("x-tokenmaxx-token");
    assertThat(page.locator("#token").textContent()).contains(member.name());
    CheckinBrowserTest.shot(page, "29-connect-agents");

    // The token from the page is a working ingest token, attributing to its person.
    String body = "{\"id\":\"connect-page-1\",\"timestamp\":\"" + TestDashboard.TODAY + "T10:00:00-05:00\","
        + "\"tool\":\"claude-code\",\"model\":\"claude-sonnet-4-6\",\"inputTokens\":1234,\"identity\":\"someone@else.example\"}";
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.base + "/api/v1/ingest"))
        .header("Authorization", "Bearer " + secret).header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    var rows = app.storage.analytics().sums(new Scope(TestDashboard.TODAY, TestDashboard.TODAY, TestDashboard.ZONE,
        DayOfWeek.MONDAY, null, null, null, null, java.util.Set.of(member.id()), false), List.of(GroupKey.PERSON));
    assertThat(rows).isNotEmpty();
    assertThat(app.storage.tokens().list()).anyMatch(t -> "laptop of the member".equals(t.description())
        && member.id().equals(t.person()));
  }

  @Test
  void tokensForNobodyAreRefusedWithTheReason() {
    Page page = signIn(Role.ADMIN);
    open(page, "/admin/connect");
    page.fill("input[name=person]", "nobody@nowhere.example");
    page.click("#create-token");
    page.waitForLoadState();
    assertThat(page.locator(".error").textContent()).contains("No person with the e-mail or id 'nobody@nowhere.example'");
    assertThat(page.locator("#new-secret").count()).isZero();
    Page member = signIn(Role.MEMBER);
    assertThat(open(member, "/admin/connect")).isEqualTo(403);
  }

  @Test
  void anAdminImportsTheDirectoryFromACsvExport() throws Exception {
    Page page = signIn(Role.ADMIN);
    assertThat(open(page, "/admin/directory")).isEqualTo(200);
    String csv = """
        Employee ID,Name,Work Email,Department,Team,Job Title,Annual Loaded Cost,Start Date,Aliases
        imp-1,Grace Hopper,grace.hopper@example.com,Engineering,Compilers,Engineer,190000,2024-02-01,git_email:grace@home.example
        imp-2,Bad Row,not-an-email,Engineering,Compilers,Engineer,abc,2024-02-01,
        """;
    page.fill("#csv-text", csv);
    CheckinBrowserTest.shot(page, "30-directory-import-form");
    page.click("form[action='/admin/directory'] button[type=submit]");
    page.waitForLoadState();
    String result = page.locator("#import-result").textContent();
    assertThat(result).contains("1 people").contains("1 rows were not imported");
    assertThat(app.storage.directory().person("imp-1")).hasValueSatisfying(p -> {
      assertThat(p.name()).isEqualTo("Grace Hopper");
      assertThat(p.team()).isEqualTo("Compilers");
    });
    CheckinBrowserTest.shot(page, "30-directory-import-result");

    page.fill("#csv-text", "Name,Team\nNo Email,X\n");
    page.click("form[action='/admin/directory'] button[type=submit]");
    page.waitForLoadState();
    assertThat(page.locator(".error").textContent()).isNotBlank();
  }
}
