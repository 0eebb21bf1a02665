package io.tokenmaxx.server.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.tokenmaxx.analyze.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the browser tests: one headless Chromium (Debian's, at /usr/bin/chromium) per test class,
 * a fresh browser context (no cookies) per sign-in, the shared {@link TestDashboard}. Skipped where
 * no Chromium is installed. Any JavaScript dialog (an injected {@code alert}) fails the test.
 */
abstract class BrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-dev-shm-usage");

  static Playwright playwright;
  static Browser browser;
  static TestDashboard app;
  static Path home;

  final List<BrowserContext> contexts = new ArrayList<>();
  final List<String> dialogs = new ArrayList<>();
  final List<String> pageErrors = new ArrayList<>();

  @BeforeAll
  static void launch() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM);
    app = TestDashboard.get();
    home = Files.createTempDirectory("tokenmaxx-browser-home");
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(
        "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1",
        "HOME", home.toString(),
        "XDG_CONFIG_HOME", home.resolve("config").toString(),
        "XDG_CACHE_HOME", home.resolve("cache").toString(),
        "XDG_DATA_HOME", home.resolve("data").toString())));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(CHROMIUM).setArgs(ARGS).setHeadless(true));
  }

  @AfterAll
  static void quit() {
    if (browser != null) browser.close();
    if (playwright != null) playwright.close();
    browser = null;
    playwright = null;
  }

  @AfterEach
  void closeContexts() {
    contexts.forEach(BrowserContext::close);
    contexts.clear();
  }

  /** A page in a new, cookie-less browser context at a laptop's screen size. */
  Page newPage() {
    BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
    contexts.add(ctx);
    Page page = ctx.newPage();
    page.onDialog(d -> {
      dialogs.add(d.type() + ": " + d.message());
      d.dismiss();
    });
    page.onPageError(e -> pageErrors.add(e));
    return page;
  }

  /** Signs in with a role's demo account; returns the page on the overview. */
  Page signIn(Role role) {
    Page page = newPage();
    signIn(page, app.email(role), app.password(role));
    return page;
  }

  static void signIn(Page page, String email, String password) {
    page.navigate(app.base + "/login");
    page.fill("input[name=email]", email);
    page.fill("input[name=password]", password);
    page.click("button[type=submit]");
    page.waitForURL(url -> !url.contains("/login"));
  }

  /** Opens a path and returns the HTTP status of the document. */
  static int open(Page page, String path) {
    var response = page.navigate(app.base + path);
    return response.status();
  }
}
