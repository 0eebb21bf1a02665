package io.tokenmaxx.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.tokenmaxx.analyze.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Capacity &amp; TCO page in a real browser: it opens for each role, shows the recorded demand
 * and the answer, and a what-if typed into the form changes the answer. With
 * {@code -Dtokenmaxx.screenshots=DIR} it also saves a full-page screenshot there.
 */
class CapacityBrowserTest extends BrowserTest {

  static String kpi(Page page, String label) {
    return page.locator(".kpi").filter(new Locator.FilterOptions().setHasText(label)).locator(".kpi-value").innerText();
  }

  @Test
  void aWhatIfChangesTheAnswer() throws Exception {
    Page page = signIn(Role.MANAGER);
    assertThat(open(page, "/plan")).isEqualTo(200);
    page.waitForLoadState(LoadState.NETWORKIDLE);
    assertThat(page.locator("h1").innerText()).isEqualTo("Capacity & TCO");
    assertThat(page.locator("#demand-table tbody tr").count()).isGreaterThanOrEqualTo(2);
    assertThat(page.locator("#capacity-table tbody tr").count()).isGreaterThanOrEqualTo(2);
    assertThat(page.locator("#tco-table")).isNotNull();
    assertThat(page.locator("#assumptions").innerText()).contains("Assumptions", "per GPU-hour", "KV cache");
    assertThat(page.locator(".chart[data-drawn]").count()).isGreaterThanOrEqualTo(4);
    int gpus = Integer.parseInt(kpi(page, "GPUs needed now").replace(",", ""));
    String api = kpi(page, "API per month");
    assertThat(gpus).isPositive();

    // what if traffic were 20 times what was recorded, served on H200s?
    page.fill("input[name=scale]", "20");
    page.selectOption("select[name=gpu]", "H200");
    page.click("#what-if button[type=submit]");
    page.waitForURL(u -> u.contains("scale=20"));
    page.waitForLoadState(LoadState.NETWORKIDLE);
    int more = Integer.parseInt(kpi(page, "GPUs needed now").replace(",", ""));
    assertThat(more).isGreaterThan(gpus);
    assertThat(kpi(page, "API per month")).isNotEqualTo(api);
    assertThat(page.locator(".kpi").first().innerText()).contains("H200");
    assertThat(page.inputValue("input[name=scale]")).isEqualTo("20");

    // a value the server refuses (typed into the address) names the field and keeps the form
    page.navigate(app.base + "/plan?headroom=-5&gpu=H200");
    assertThat(page.locator("#plan-error").innerText()).contains("headroom");
    assertThat(page.inputValue("input[name=headroom]")).isEqualTo("-5");
    page.navigate(app.base + "/plan?scale=lots");
    assertThat(page.locator("#plan-error").innerText()).contains("scale").contains("not a number");
    assertThat(pageErrors).isEmpty();
    assertThat(dialogs).isEmpty();
  }

  @Test
  void everyRoleMayOpenItAndTheNavigationLinksIt() {
    for (Role role : Role.values()) {
      Page page = signIn(role);
      assertThat(page.locator("nav a[href^='/plan']").innerText()).isEqualTo("Capacity & TCO");
      assertThat(open(page, "/plan")).isEqualTo(200);
      assertThat(page.locator("#demand-table")).isNotNull();
    }
  }

  @Test
  void screenshot() throws Exception {
    String out = System.getProperty("tokenmaxx.screenshots");
    if (out == null || out.isBlank()) return;
    Path dir = Path.of(out);
    Files.createDirectories(dir);
    Page page = newPage();
    page.setViewportSize(1440, 900);
    signIn(page, app.email(Role.ADMIN), app.password(Role.ADMIN));
    page.navigate(app.base + "/plan?size=p95");
    page.waitForLoadState(LoadState.NETWORKIDLE);
    page.waitForTimeout(300);
    page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("capacity-and-tco.png")).setFullPage(true));
    page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("capacity-and-tco-first-screen.png")));
  }
}
