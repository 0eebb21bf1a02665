package io.tokenmaxx.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.tokenmaxx.analyze.Role;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.storage.UsageQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Sources page as an admin uses it: no source configured yet, a console's CSV export chosen and imported. */
class SourcesBrowserTest extends BrowserTest {

  @Test
  void anAdminImportsAConsolesCsvExportChosenOnTheSourcesPage() throws Exception {
    Person someone = app.people.stream().filter(p -> p.email() != null).findFirst().orElseThrow();
    Path csv = Files.createTempFile(home, "cursor-usage", ".csv");
    Files.writeString(csv, String.join("\n",
        "\"Date\",\"User\",\"Kind\",\"Model\",\"Max Mode\",\"Input (w/ Cache Write)\",\"Input (w/o Cache Write)\",\"Cache Read\",\"Output Tokens\",\"Total Tokens\",\"Cost\"",
        "\"2020-01-07T14:05:21.377Z\",\"" + someone.email() + "\",\"Included\",\"claude-4-sonnet\",\"No\",\"6238\",\"126\",\"11964\",\"450\",\"18540\",\"$0.20\"",
        "\"2020-01-07T15:00:00.000Z\",\"" + someone.email() + "\",\"Included\",\"gpt-5\",\"No\",\"100\",\"100\",\"0\",\"20\",\"120\",\"$0.01\"",
        "\"2020-01-07T16:00:00.000Z\",\"" + someone.email() + "\",\"Included\",\"gpt-5\",\"No\",\"lots\",\"100\",\"0\",\"20\",\"120\",\"$0.01\"", ""));

    Page admin = signIn(Role.ADMIN);
    assertThat(open(admin, "/admin/sources")).isEqualTo(200);
    assertThat(admin.locator("main").textContent()).contains("No vendor import is configured");
    admin.selectOption("form[action='/admin/sources/csv'] select[name=vendor]", "cursor");
    admin.setInputFiles("input[type=file][data-read-into]", csv);
    admin.waitForFunction("document.getElementById('csv-text').value.includes('claude-4-sonnet')");
    admin.click("form[action='/admin/sources/csv'] button[type=submit]");

    assertThat(admin.locator(".notice").textContent()).contains("2 records imported from the cursor export")
        .contains("1 rows could not be read").contains("line 4");
    List<UsageRecord> stored = app.storage.usageStore().records(UsageQuery.builder()
        .from(Instant.parse("2020-01-07T00:00:00Z")).to(Instant.parse("2020-01-08T00:00:00Z")).build(), 100);
    assertThat(stored).hasSize(2).allSatisfy(r -> {
      assertThat(r.person()).isEqualTo(someone.id());
      assertThat(r.tool()).isEqualTo("cursor");
    });
    assertThat(pageErrors).isEmpty();
  }

  @Test
  void onlyAdminsOpenIt() {
    assertThat(open(signIn(Role.MEMBER), "/admin/sources")).isEqualTo(403);
    assertThat(open(signIn(Role.MANAGER), "/admin/sources")).isEqualTo(403);
  }
}
