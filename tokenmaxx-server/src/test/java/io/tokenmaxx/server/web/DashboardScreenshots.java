package io.tokenmaxx.server.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import io.tokenmaxx.analyze.OrgChart;
import io.tokenmaxx.analyze.Role;
import io.tokenmaxx.demo.DemoSpec;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.server.ServerAssembly;
import io.tokenmaxx.server.TokenmaxxServer;
import io.tokenmaxx.server.config.ConfigLoader;
import io.tokenmaxx.server.config.ServerConfig;
import io.tokenmaxx.server.demo.DemoLoader;
import io.tokenmaxx.server.web.auth.Passwords;
import io.tokenmaxx.storage.duckdb.DuckDbStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Takes a screenshot of every dashboard page for docs/screenshots: the default demo organization
 * (seed 42, 300 people, 12 weeks) with a fixed "today", 1440x900, full pages. Runs only when asked:
 * <pre>mvn -pl tokenmaxx-server -am verify -Dtest=DashboardScreenshots -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtokenmaxx.screenshots=$PWD/docs/screenshots</pre>
 */
class DashboardScreenshots {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 13);
  static final ZoneId ZONE = ZoneId.of("America/New_York");

  @Test
  void everyPage() throws Exception {
    String out = System.getProperty("tokenmaxx.screenshots");
    assumeTrue(out != null && !out.isBlank(), "set -Dtokenmaxx.screenshots=DIR to take the screenshots");
    assumeTrue(Files.isExecutable(BrowserTest.CHROMIUM), "Chromium is not installed");
    Path dir = Path.of(out);
    Files.createDirectories(dir);

    Clock clock = Clock.fixed(TODAY.atTime(16, 30).atZone(ZONE).toInstant(), ZONE);
    DuckDbStorage storage = DuckDbStorage.builder().inMemory().clock(clock).build();
    Passwords passwords = new Passwords(1024, 1, 1);
    DemoLoader.Loaded loaded = new DemoLoader(storage, List.of(new io.tokenmaxx.pricing.PricingEnricher(io.tokenmaxx.pricing.PriceCatalog.bundled())), passwords, 2)
        .load(DemoSpec.of(42, 300, 12, TODAY));
    Map<Role, DemoLoader.DemoAccount> accounts = new EnumMap<>(Role.class);
    loaded.accounts().forEach(a -> accounts.put(a.role(), a));
    List<Person> people = storage.directory().people();
    String member = person(people, accounts.get(Role.MEMBER).email());
    String manager = person(people, accounts.get(Role.MANAGER).email());
    Person memberPerson = people.stream().filter(p -> p.id().equals(member)).findFirst().orElseThrow();
    Set<String> subtree = OrgChart.of(people).subtree(manager);
    String smallTeam = storage.directory().teams().stream()
        .filter(t -> people.stream().filter(p -> t.id().equals(p.team())).count() < 5)
        .map(io.tokenmaxx.identity.Team::id).findFirst().orElse("design");
    storage.tokens().create(io.tokenmaxx.identity.TokenScope.READ, member, null, "weekly BI export");

    Path data = Files.createTempDirectory("tokenmaxx-screenshots");
    ServerConfig config = new ConfigLoader().overrides(Map.of("port", "0", "host", "127.0.0.1", "data", data.toString(), "analytics.zone", ZONE.getId())).load();
    ServerAssembly assembly = new ServerAssembly(config, clock).storage(storage).passwords(passwords);
    try (TokenmaxxServer server = assembly.build().start();
        Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(
            "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "HOME", data.toString(),
            "XDG_CONFIG_HOME", data.resolve("config").toString(), "XDG_CACHE_HOME", data.resolve("cache").toString())));
        Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions()
            .setExecutablePath(BrowserTest.CHROMIUM).setArgs(BrowserTest.ARGS))) {
      String base = "http://127.0.0.1:" + server.port();
      String team = memberPerson.team();

      Page anon = page(browser, 1440, 900);
      anon.navigate(base + "/login");
      shot(anon, dir, "01-sign-in", false);

      assembly.checkins().guard().runRecent(); // flags in place before the leaderboard is taken
      Page admin = signIn(browser, base, accounts.get(Role.ADMIN));
      shot(admin, base, "/overview", dir, "02-overview");
      shot(admin, base, "/adoption", dir, "03-adoption");
      shot(admin, base, "/leaderboard?mode=named&measure=active-days", dir, "04-leaderboard-named-admin");
      shot(admin, base, "/leaderboard?mode=named&measure=active-days&adjust=none", dir, "04-leaderboard-named-admin-plain");
      shot(admin, base, "/usage", dir, "06-how-tokens-are-used");
      shot(admin, base, "/spend", dir, "07-spend");
      shot(admin, base, "/teams/" + team, dir, "09-team");
      shot(admin, base, "/plan", dir, "18-capacity-and-tco");
      shot(admin, base, "/admin/accounts", dir, "11-admin-accounts");
      shot(admin, base, "/admin/tokens", dir, "12-admin-api-tokens");
      shot(admin, base, "/admin/unattributed", dir, "17-admin-unattributed");

      Page mgr = signIn(browser, base, accounts.get(Role.MANAGER));
      String report = subtree.stream().filter(id -> !id.equals(manager) && !id.equals(member)).sorted().findFirst().orElseThrow();
      shot(mgr, base, "/people/" + report, dir, "08-person-manager-view");
      shot(mgr, base, "/people/" + people.stream().map(Person::id).filter(id -> !subtree.contains(id)).findFirst().orElseThrow(),
          dir, "14-not-visible-404");

      Page mem = signIn(browser, base, accounts.get(Role.MEMBER));
      shot(mem, base, "/me", dir, "08-person-own-page-member");
      shot(mem, base, "/leaderboard?measure=tokens", dir, "05-leaderboard-pseudonymous-member");
      shot(mem, base, "/leaderboard?mode=bands&measure=tokens", dir, "05-leaderboard-bands-member");
      shot(mem, base, "/teams/" + smallTeam, dir, "10-team-suppressed-member");
      shot(mem, base, "/account", dir, "15-your-account");
      shot(admin, base, "/admin/audit", dir, "13-admin-audit-log");

      Page laptop = signIn(browser, base, accounts.get(Role.ADMIN), 1366, 768);
      laptop.navigate(base + "/overview");
      laptop.waitForLoadState(LoadState.NETWORKIDLE);
      shot(laptop, dir, "16-overview-1366x768-viewport", false);
      laptop.click("nav .nav-admin summary");
      shot(laptop, dir, "19-admin-menu-open-1366x768", false);
    }
  }

  static String person(List<Person> people, String email) {
    return people.stream().filter(p -> email.equals(p.email())).findFirst().orElseThrow().id();
  }

  static Page page(Browser browser, int w, int h) {
    BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(w, h).setDeviceScaleFactor(1));
    return ctx.newPage();
  }

  static Page signIn(Browser browser, String base, DemoLoader.DemoAccount a) {
    return signIn(browser, base, a, 1440, 900);
  }

  static Page signIn(Browser browser, String base, DemoLoader.DemoAccount a, int w, int h) {
    Page p = page(browser, w, h);
    p.navigate(base + "/login");
    p.fill("input[name=email]", a.email());
    p.fill("input[name=password]", a.password());
    p.click("button[type=submit]");
    p.waitForURL(u -> !u.contains("/login"));
    return p;
  }

  static void shot(Page p, String base, String path, Path dir, String name) {
    p.navigate(base + path);
    p.waitForLoadState(LoadState.NETWORKIDLE);
    shot(p, dir, name, true);
  }

  static void shot(Page p, Path dir, String name, boolean full) {
    p.waitForTimeout(200);
    p.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(full));
  }
}
