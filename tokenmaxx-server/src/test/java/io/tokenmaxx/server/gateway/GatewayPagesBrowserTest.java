package io.tokenmaxx.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import io.tokenmaxx.analyze.Role;
import io.tokenmaxx.demo.DemoSpec;
import io.tokenmaxx.gateway.config.GatewayConfig;
import io.tokenmaxx.gateway.standin.OpenAiStandIn;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.identity.TokenScope;
import io.tokenmaxx.server.ServerAssembly;
import io.tokenmaxx.server.TokenmaxxServer;
import io.tokenmaxx.server.config.ConfigLoader;
import io.tokenmaxx.server.demo.DemoLoader;
import io.tokenmaxx.server.web.auth.Passwords;
import io.tokenmaxx.storage.duckdb.DuckDbStorage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's pages in headless Chromium, on a demo organization with the gateway mounted and real
 * traffic through it (a cascade route over the OpenAI stand-in, budgets for a person and a team):
 * the Gateway page's budgets and cascade savings table, the budgets on the Spend page, and the admin
 * page that creates and revokes gateway keys (refusing bad input). With
 * {@code -Dtokenmaxx.screenshots=DIR} it also saves the screenshots for the docs.
 */
class GatewayPagesBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-dev-shm-usage");
  static final LocalDate TODAY = LocalDate.of(2026, 3, 13);
  static final ZoneId ZONE = ZoneId.of("America/New_York");

  @TempDir Path dir;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void budgetsSavingsAndKeysInTheBrowser() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed");
    Clock clock = Clock.fixed(TODAY.atTime(16, 30).atZone(ZONE).toInstant(), ZONE);
    DuckDbStorage storage = DuckDbStorage.builder().inMemory().clock(clock).build();
    Passwords passwords = new Passwords(1024, 1, 1);
    DemoLoader.Loaded loaded = new DemoLoader(storage, List.of(new io.tokenmaxx.pricing.PricingEnricher(
        io.tokenmaxx.pricing.PriceCatalog.bundled())), passwords, 2).load(DemoSpec.of(7, 40, 4, TODAY));
    DemoLoader.DemoAccount admin = loaded.accounts().stream().filter(a -> a.role() == Role.ADMIN).findFirst().orElseThrow();
    Person someone = storage.directory().people().stream().filter(p -> p.team() != null).findFirst().orElseThrow();
    Person other = storage.directory().people().stream().filter(p -> !p.id().equals(someone.id())).findFirst().orElseThrow();

    try (OpenAiStandIn openai = new OpenAiStandIn()) {
      openai.start();
      Path config = dir.resolve("tokenmaxx.yaml");
      Files.writeString(config, """
          gateway:
            records: {flush-interval: 5ms}
            routes:
              - model: auto
                strategy: cascade
                escalate-on: [length]
                targets:
                  - {upstream: openai, model: llama-3.1-8b, price: {input: 0.05, output: 0.08}}
                  - {upstream: openai, model: gpt-4o, price: {input: 2.5, output: 10}}
            budgets:
              - {scope: "person:%s", usd: 0.01, period: day}
              - {scope: "team:%s", tokens: 200000, period: month}
          """.formatted(someone.id(), someone.team()));
      Map<String, String> env = Map.of("TOKENMAXX_GATEWAY_OPENAI_BASE_URL", openai.baseUrl());
      ConfigLoader loader = new ConfigLoader().file(config).environment(env).overrides(Map.of("port", "0",
          "host", "127.0.0.1", "data", dir.resolve("data").toString(), "analytics.zone", ZONE.getId()));
      GatewayConfig gw = GatewaySettings.load(loader, env, Map.of());
      ServerAssembly assembly = new ServerAssembly(loader.load(), clock).storage(storage).passwords(passwords).gateway(gw);
      try (TokenmaxxServer server = assembly.build().start();
          Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(
              "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "HOME", dir.toString(),
              "XDG_CONFIG_HOME", dir.resolve("config").toString(), "XDG_CACHE_HOME", dir.resolve("cache").toString())));
          Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setArgs(ARGS))) {
        String base = "http://127.0.0.1:" + server.port();
        String secret = storage.tokens().create(TokenScope.GATEWAY, someone.id(), null, "notebook").secret();
        // eight cascaded requests: six kept the cheap answer, two escalated (cut off by length)
        for (int i = 0; i < 8; i++) {
          boolean escalate = i % 4 == 3;
          openai.enqueue(new OpenAiStandIn.Chat("Cheap answer " + i, new OpenAiStandIn.Usage(1200, 300, 0, 0))
              .finish(escalate ? "length" : "stop"));
          if (escalate) openai.enqueue(new OpenAiStandIn.Chat("Strong answer " + i, new OpenAiStandIn.Usage(1200, 400, 0, 0)));
          HttpResponse<String> r = chat(base, secret, "auto");
          assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        awaitSavings(assembly, 8);

        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900)).newPage();
        page.navigate(base + "/login");
        page.fill("input[name=email]", admin.email());
        page.fill("input[name=password]", admin.password());
        page.click("button[type=submit]");
        page.waitForURL(u -> !u.contains("/login"));

        page.navigate(base + "/gateway");
        page.waitForLoadState(LoadState.NETWORKIDLE);
        String savings = page.locator("#cascade-savings").innerText();
        // cheap answer $0.000084, at gpt-4o $0.006 (kept) or $0.007 (escalated, paid on top of the cheap one):
        // $0.014672 paid against $0.050 at the strong model, 71 % saved
        assertThat(savings).contains("auto\t8\t2 (25%)\t$0.01\t$0.05\t$0.04\t71%");
        String budgets = page.locator("#gateway-budgets").innerText();
        assertThat(budgets).contains("person:" + someone.id()).contains("team:" + someone.team()).contains("day", "month");
        String routed = page.locator("#gateway-requests").innerText();
        assertThat(routed).contains("cascade (escalated: length)").contains("escalated 200 — length")
            .contains("served 200").doesNotContain("Cheap answer", "Strong answer");
        shot(page, "gateway");

        page.navigate(base + "/spend");
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.locator("#gateway-budgets").waitFor();
        assertThat(page.locator("#gateway-budgets").innerText()).contains("team:" + someone.team());
        shot(page, "spend-with-gateway-budgets");

        page.navigate(base + "/admin/gateway-keys");
        page.click("button:has-text('Create gateway key')"); // neither person nor team
        assertThat(page.locator("p.error").innerText()).contains("a person or to a team");
        page.fill("input[name=person]", "nobody@nowhere.example");
        page.click("button:has-text('Create gateway key')");
        assertThat(page.locator("p.error").innerText()).contains("No person with the id or e-mail 'nobody@nowhere.example'");
        page.fill("input[name=person]", other.id()); // someone's own $0.01 a day is used up by now
        page.fill("input[name=description]", "CI jobs");
        page.selectOption("select[name=strategy]", "cheapest");
        page.fill("input[name=models]", "gpt-4o-mini, ");
        page.click("button:has-text('Create gateway key')");
        assertThat(page.locator("p.error").innerText()).contains("Allowed models: model name 2 of 2 is blank");
        assertThat(page.locator("code.secret").count()).isZero();
        page.fill("input[name=person]", other.id());
        page.fill("input[name=description]", "CI jobs");
        page.selectOption("select[name=strategy]", "cheapest");
        page.fill("input[name=models]", "gpt-4o-mini, auto");
        page.click("button:has-text('Create gateway key')");
        String made = page.locator("code.secret").innerText();
        assertThat(made).startsWith("tmx_");
        assertThat(page.locator("tr:has-text('CI jobs')").innerText()).contains("cheapest").contains("gpt-4o-mini, auto");
        shot(page, "admin-gateway-keys");
        openai.enqueue(new OpenAiStandIn.Chat("ok", new OpenAiStandIn.Usage(10, 2, 0, 0)));
        assertThat(chat(base, made, "gpt-4o-mini").statusCode()).isEqualTo(200);
        HttpResponse<String> otherModel = chat(base, made, "gpt-4o");
        assertThat(otherModel.statusCode()).isEqualTo(403);
        assertThat(otherModel.body()).contains("may not use model 'gpt-4o'");
        HttpResponse<String> overBudget = chat(base, secret, "auto");
        assertThat(overBudget.statusCode()).isEqualTo(429);
        assertThat(overBudget.headers().firstValue("retry-after")).isPresent();
        assertThat(overBudget.body()).contains("budget of 0.01 USD per day for person:" + someone.id() + " is used up");
        page.locator("tr:has-text('CI jobs') button:has-text('Revoke')").click();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(page.locator("tr:has-text('CI jobs')").innerText()).contains("revoked");
        HttpResponse<String> refused = chat(base, made, "gpt-4o-mini");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("revoked");
      }
    }
  }

  HttpResponse<String> chat(String base, String key, String model) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + "/openai/v1/chat/completions"))
        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model
            + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Summarize the report\"}],\"max_tokens\":500}"))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  static void awaitSavings(ServerAssembly a, long requests) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      var rows = a.gateway().api().table(TODAY.minusDays(1), TODAY.plusDays(1)).rows();
      if (!rows.isEmpty() && rows.getFirst().requests() >= requests) return;
      Thread.sleep(50);
    }
    throw new AssertionError("the cascade outcomes did not arrive");
  }

  void shot(Page p, String name) throws java.io.IOException {
    String out = System.getProperty("tokenmaxx.screenshots");
    if (out == null || out.isBlank()) return;
    Files.createDirectories(Path.of(out));
    p.waitForTimeout(200);
    p.screenshot(new Page.ScreenshotOptions().setPath(Path.of(out).resolve(name + ".png")).setFullPage(true));
  }
}
