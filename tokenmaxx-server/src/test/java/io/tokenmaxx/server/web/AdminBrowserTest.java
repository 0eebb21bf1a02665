package io.tokenmaxx.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.tokenmaxx.account.Account;
import io.tokenmaxx.analyze.AuditEntry;
import io.tokenmaxx.analyze.Role;
import io.tokenmaxx.identity.ApiToken;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.identity.TokenScope;
import org.junit.jupiter.api.Test;

/** Accounts, API tokens and the audit log, as an admin uses them. */
class AdminBrowserTest extends BrowserTest {

  /** A directory person without an account yet. */
  Person someoneWithoutAccount() {
    return app.people.stream().filter(p -> p.email() != null && p.id().startsWith("p0")
            && app.storage.accounts().byEmail(p.email()).isEmpty())
        .sorted(java.util.Comparator.comparing(Person::id).reversed()).findFirst().orElseThrow();
  }

  @Test
  void anAdminCreatesAMemberWhoCanSignInOnceAndIsThenDisabled() {
    Person p = someoneWithoutAccount();
    Page admin = signIn(Role.ADMIN);
    open(admin, "/admin/accounts");
    admin.fill("form[action='/admin/accounts'] input[name=email]", p.email().toUpperCase());
    admin.selectOption("form[action='/admin/accounts'] select[name=role]", "member");
    admin.click("form[action='/admin/accounts'] button[type=submit]");
    assertThat(admin.locator(".issued h2").textContent()).contains("Account created").contains(p.email());
    String password = admin.locator(".issued code.secret").textContent();
    assertThat(password).hasSize(23);
    Account created = app.storage.accounts().byEmail(p.email()).orElseThrow();
    assertThat(created.person()).isEqualTo(p.id());
    assertThat(created.role()).isEqualTo(Role.MEMBER);
    assertThat(app.storage.accounts().passwordHash(created.id()).orElseThrow()).startsWith("$argon2id$").doesNotContain(password);

    Page member = newPage();
    signIn(member, p.email(), password);
    assertThat(open(member, "/me")).isEqualTo(200);
    assertThat(member.url()).endsWith("/people/" + p.id());

    // Disabling ends the member's session at once.
    open(admin, "/admin/accounts");
    admin.click("form[action='/admin/accounts/" + created.id() + "/disable'] button");
    assertThat(app.storage.accounts().byId(created.id()).orElseThrow().disabled()).isTrue();
    open(member, "/overview");
    assertThat(member.url()).contains("/login");
    member.fill("input[name=email]", p.email());
    member.fill("input[name=password]", password);
    member.click("button[type=submit]");
    assertThat(member.locator(".error").textContent()).contains("Wrong e-mail or password");
  }

  @Test
  void managersAndMembersMustBePeopleOfTheDirectory() {
    Page admin = signIn(Role.ADMIN);
    open(admin, "/admin/accounts");
    admin.fill("form[action='/admin/accounts'] input[name=email]", "stranger@elsewhere.example");
    admin.selectOption("form[action='/admin/accounts'] select[name=role]", "manager");
    admin.click("form[action='/admin/accounts'] button[type=submit]");
    assertThat(admin.locator(".error").textContent()).contains("no person in the directory has the e-mail stranger@elsewhere.example");
    assertThat(app.storage.accounts().byEmail("stranger@elsewhere.example")).isEmpty();
  }

  @Test
  void anAdminCannotLockThemselvesOut() {
    Page admin = signIn(Role.ADMIN);
    Account me = app.storage.accounts().byEmail(app.email(Role.ADMIN)).orElseThrow();
    open(admin, "/admin/accounts");
    assertThat(admin.locator("form[action='/admin/accounts/" + me.id() + "/disable']").count()).isZero();
    admin.selectOption("form[action='/admin/accounts/" + me.id() + "/role'] select", "member");
    admin.click("form[action='/admin/accounts/" + me.id() + "/role'] button");
    assertThat(admin.locator(".error").textContent()).contains("cannot remove your own admin role");
    assertThat(app.storage.accounts().byId(me.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
  }

  @Test
  void readTokensAreCreatedShownOnceAndRevoked() {
    Page admin = signIn(Role.ADMIN);
    open(admin, "/admin/tokens");
    admin.fill("form[action='/admin/tokens'] input[name=person]", app.email(Role.MEMBER));
    admin.fill("form[action='/admin/tokens'] input[name=description]", "BI export <script>x</script>");
    admin.click("form[action='/admin/tokens'] button[type=submit]");
    String secret = admin.locator(".issued code.secret").textContent();
    assertThat(secret).startsWith("tmx_");
    ApiToken token = app.storage.tokens().authenticate(secret).orElseThrow();
    assertThat(token.scope()).isEqualTo(TokenScope.READ);
    assertThat(token.person()).isEqualTo(app.personOf.get(Role.MEMBER));
    assertThat(admin.locator("table.data").textContent()).contains("BI export <script>x</script>");

    open(admin, "/admin/tokens");
    assertThat(admin.content()).doesNotContain(secret);
    admin.click("form[action='/admin/tokens/" + token.id() + "/revoke'] button");
    assertThat(app.storage.tokens().authenticate(secret)).isEmpty();
  }

  @Test
  void viewsOfPersonLevelDataAreInTheAuditLog() {
    Page manager = signIn(Role.MANAGER);
    assertThat(open(manager, "/people/" + app.inSubtree)).isEqualTo(200);
    String viewer = app.email(Role.MANAGER);
    assertThat(app.storage.auditLog().entries(null, null, null, null, 10_000)).anyMatch(e -> e.viewer().equals(viewer) && app.inSubtree.equals(e.person())
        && e.action().equals(AuditEntry.VIEW));

    Page admin = signIn(Role.ADMIN);
    open(admin, "/admin/audit?person=" + app.inSubtree);
    String table = admin.locator("table.data").textContent();
    assertThat(table).contains(viewer).contains("person");
  }

  @Test
  void unattributedIdentitiesAreListedAndAnAliasAttributesTheirRecords() {
    Page admin = signIn(Role.ADMIN);
    assertThat(open(admin, "/admin/unattributed")).isEqualTo(200);
    var rows = admin.locator("table.data tbody tr");
    assertThat(rows.count()).isPositive();
    String identity = rows.first().locator("code").textContent();
    String kind = rows.first().locator("input[name=kind]").getAttribute("value");
    rows.first().locator("input[name=person]").fill(app.email(Role.MEMBER));
    rows.first().locator("button").click();
    assertThat(admin.locator(".notice").textContent()).contains(identity).contains("usage").contains("attributed");
    var id = new io.tokenmaxx.model.RawIdentity(io.tokenmaxx.model.RawIdentity.Kind.parse(kind), identity);
    assertThat(app.storage.directory().resolve(id)).contains(app.personOf.get(Role.MEMBER));

    Page member = signIn(Role.MEMBER);
    assertThat(open(member, "/admin/unattributed")).isEqualTo(403);
  }
}
