package io.tokenmaxx.collect.vendor;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import io.tokenmaxx.analyze.Role;
import io.tokenmaxx.demo.DemoSpec;
import io.tokenmaxx.model.Sources;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.server.ServerAssembly;
import io.tokenmaxx.server.TokenmaxxServer;
import io.tokenmaxx.server.config.ConfigLoader;
import io.tokenmaxx.server.config.ServerConfig;
import io.tokenmaxx.server.demo.DemoLoader;
import io.tokenmaxx.server.web.auth.Passwords;
import io.tokenmaxx.storage.UsageQuery;
import io.tokenmaxx.storage.duckdb.DuckDbStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Screenshots of the vendor import pages for docs/screenshots: the Sources admin page with the demo
 * organization pulling Anthropic's and Cursor's stand-ins (and OpenAI's with a wrong key, failing),
 * a person seen only through a vendor's report, and the overview's coverage by source. Runs only
 * when asked:
 * <pre>mvn -pl tokenmaxx-server -am verify -Dtest=SourcesScreenshots -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtokenmaxx.screenshots=$PWD/docs/screenshots</pre>
 */
class SourcesScreenshots {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 13);
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @Test
  void sourcesPages() throws Exception {
    String out = System.getProperty("tokenmaxx.screenshots");
    assumeTrue(out != null && !out.isBlank(), "set -Dtokenmaxx.screenshots=DIR to take the screenshots");
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed");
    Path dir = Files.createDirectories(Path.of(out));

    Clock clock = Clock.fixed(TODAY.atTime(16, 30).atZone(ZONE).toInstant(), ZONE);
    DuckDbStorage storage = DuckDbStorage.builder().inMemory().clock(clock).build();
    Passwords passwords = new Passwords(1024, 1, 1);
    DemoLoader.Loaded loaded = new DemoLoader(storage, List.of(new io.tokenmaxx.pricing.PricingEnricher(
        io.tokenmaxx.pricing.PriceCatalog.bundled())), passwords, 2).load(DemoSpec.of(42, 300, 12, TODAY));
    DemoLoader.DemoAccount admin = loaded.accounts().stream().filter(a -> a.role() == Role.ADMIN).findFirst().orElseThrow();

    // a person whose only usage is the Claude Code Analytics report
    Map<String, Set<String>> sources = new HashMap<>();
    Set<String> reported = new HashSet<>();
    for (UsageRecord r : storage.usageStore().records(UsageQuery.all(), Integer.MAX_VALUE)) {
      if (r.person() == null) continue;
      sources.computeIfAbsent(r.person(), k -> new HashSet<>()).add(r.source());
      if (r.id().startsWith("import:anthropic.claude-code:")) reported.add(r.person());
    }
    String vendorOnly = reported.stream().filter(p -> sources.get(p).equals(Set.of(Sources.IMPORT))).sorted()
        .findFirst().orElseThrow();

    try (AnthropicStandIn anthropic = new AnthropicStandIn(TODAY, 42, 9, false);
        CursorStandIn cursor = new CursorStandIn(TODAY, 43, 6, 4, 3, false);
        OpenAiStandIn openai = new OpenAiStandIn(TODAY, 44, 4)) {
      Path data = Files.createTempDirectory("tokenmaxx-screenshots");
      Map<String, String> settings = new HashMap<>(Map.of("port", "0", "host", "127.0.0.1", "data", data.toString(),
          "analytics.zone", ZONE.getId()));
      settings.putAll(Map.of(
          "importers.anthropic.admin-key", AnthropicStandIn.KEY,
          "importers.anthropic.base-url", anthropic.baseUrl().toString(),
          "importers.anthropic.backfill", "2d",
          "importers.cursor.admin-key", cursor.adminKey(),
          "importers.cursor.base-url", cursor.baseUrl().toString(),
          "importers.cursor.backfill", "2d",
          "importers.cursor.interval", "30m",
          "importers.openai.admin-key", "sk-admin-revoked-0000000000",
          "importers.openai.base-url", openai.baseUrl().toString()));
      ServerConfig config = new ConfigLoader().overrides(settings).load();
      ServerAssembly assembly = new ServerAssembly(config, clock).storage(storage).passwords(passwords);
      try (TokenmaxxServer server = assembly.build().start();
          Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(
              "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "HOME", data.toString(),
              "XDG_CONFIG_HOME", data.resolve("config").toString(), "XDG_CACHE_HOME", data.resolve("cache").toString())));
          Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
              .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage")))) {
        for (String s : List.of("anthropic", "cursor", "openai")) assembly.imports().scheduler().runNow(s);
        String base = "http://127.0.0.1:" + server.port();
        Page p = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900).setDeviceScaleFactor(1))
            .newPage();
        p.navigate(base + "/login");
        p.fill("input[name=email]", admin.email());
        p.fill("input[name=password]", admin.password());
        p.click("button[type=submit]");
        p.waitForURL(u -> !u.contains("/login"));

        shot(p, base + "/admin/sources", dir.resolve("32-admin-sources.png"));
        shot(p, base + "/people/" + vendorOnly, dir.resolve("33-person-vendor-sourced.png"));
        p.navigate(base + "/overview");
        p.waitForLoadState(LoadState.NETWORKIDLE);
        p.locator("#source-coverage").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
            .setPath(dir.resolve("34-overview-coverage-by-source.png")));
      }
    }
  }

  static void shot(Page p, String url, Path file) {
    p.navigate(url);
    p.waitForLoadState(LoadState.NETWORKIDLE);
    p.waitForTimeout(200);
    p.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
  }
}
