package io.tokenmaxx.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.gateway.budget.BudgetAlert;
import io.tokenmaxx.gateway.budget.Budgets;
import io.tokenmaxx.gateway.budget.TestClock;
import io.tokenmaxx.gateway.record.GatewayRecord;
import io.tokenmaxx.gateway.standin.AnthropicStandIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Budgets and rate limits enforced by the gateway: N parallel requests against a budget of k, the
 * refusal in the provider's shape with Retry-After, alerts, and the reset at the period boundary.
 */
class BudgetsThroughGatewayTest {
  static final String BODY = "{\"model\":\"claude-haiku-4-5-20251001\",\"max_tokens\":100,"
      + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

  static HttpResponse<String> post(HttpClient http, GatewayFixture fx, String secret) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(fx.anthropicUrl() + "/v1/messages"))
        .header("x-api-key", secret).header("anthropic-version", "2023-06-01").header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void parallelRequestsAgainstATokenBudgetOvershootAtMostByThoseInFlight() throws Exception {
    // each answer uses 25 + 12 = 37 tokens; each request reserves its prompt guess + max_tokens (> 100)
    TestClock clock = new TestClock(Instant.parse("2026-06-10T08:00:00Z"));
    List<BudgetAlert> alerts = Collections.synchronizedList(new ArrayList<>());
    String yaml = "  zone: Europe/Berlin\n  budgets:\n    - {scope: \"person:p-ada\", tokens: 1000, period: day}\n";
    try (GatewayFixture fx = new GatewayFixture(yaml, clock, b -> b.alerts(alerts::add))) {
      fx.anthropic.enqueue(); // default answers
      for (int i = 0; i < 200; i++) fx.anthropic.enqueue(AnthropicStandIn.DEFAULT.slow(0));
      HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
      int n = 60;
      List<HttpResponse<String>> answers = new ArrayList<>();
      try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<HttpResponse<String>>> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) fs.add(exec.submit(() -> post(http, fx, fx.key.secret())));
        for (var f : fs) answers.add(f.get());
      }
      long ok = answers.stream().filter(a -> a.statusCode() == 200).count();
      List<HttpResponse<String>> refused = answers.stream().filter(a -> a.statusCode() == 429).toList();
      assertThat(ok + refused.size()).isEqualTo(n);
      assertThat(refused).isNotEmpty().allSatisfy(a -> {
        assertThat(a.body()).contains("\"type\":\"rate_limit_error\"").contains("1000 tokens per day for person:p-ada");
        // resets at midnight in Berlin: 22:00 UTC, 14 hours after 08:00 UTC
        assertThat(a.headers().firstValue("retry-after")).hasValue("50400");
      });
      Budgets.Status s = fx.server.gateway().budgetStatus().get(0);
      long consumed = s.consumption().consumed().longValueExact();
      assertThat(consumed).isEqualTo(ok * 37);
      // admitted while consumed + reserved < 1000: the last admitted request's 37 tokens at most beyond it
      assertThat(consumed).isLessThanOrEqualTo(1000 + 37);
      assertThat(s.consumption().reserved()).isZero();
      List<GatewayRecord> rs = fx.records(n);
      assertThat(rs.stream().filter(r -> r.httpStatus() == 429)).allSatisfy(r -> {
        assertThat(r.usage().requests()).isZero();
        assertThat(r.error()).contains("budget");
      });
      // one at a time until refused: the budget fills up to its limit and every alert fires once
      int more = 0;
      while (post(http, fx, fx.key.secret()).statusCode() == 200 && more < 100) more++;
      fx.records(more + 1);
      long total = fx.server.gateway().budgetStatus().get(0).consumption().consumed().longValueExact();
      assertThat(total).isEqualTo((ok + more) * 37).isGreaterThanOrEqualTo(1000).isLessThanOrEqualTo(1000 + 37);
      assertThat(alerts).extracting(BudgetAlert::percent).containsExactly(50, 80, 100);
      assertThat(alerts.get(2).window().end()).isEqualTo(Instant.parse("2026-06-10T22:00:00Z"));

      // the next day the budget is back
      clock.advance(Duration.ofHours(14));
      assertThat(post(http, fx, fx.key.secret()).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void requestsPerMinutePerKeyAnswer429WithRetryAfterInOpenAisShape() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-06-10T08:00:00Z"));
    try (GatewayFixture fx = new GatewayFixture("", clock, b -> { })) {
      // rate limits name keys by id, known only after the key exists: a second gateway over the same stand-ins
      String yaml = "gateway:\n  rate-limits:\n    - {scope: \"key:" + fx.key.key().id() + "\", requests-per-minute: 2}\n";
      java.nio.file.Path f = java.nio.file.Files.createTempFile("gw", ".yaml");
      java.nio.file.Files.writeString(f, yaml);
      var config = new io.tokenmaxx.gateway.config.GatewayConfigLoader().file(f).environment(java.util.Map.of(
          "TOKENMAXX_GATEWAY_OPENAI_BASE_URL", fx.openai.baseUrl())).load();
      try (GatewayServer gw = GatewayServer.start(Gateway.builder().config(config).keys(fx.keys).clock(clock)
          .sink(b -> { }).build(), "127.0.0.1", 0)) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.port() + "/openai/v1/chat/completions"))
            .header("authorization", "Bearer " + fx.key.secret()).header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
            .build();
        assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        HttpResponse<String> third = http.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("retry-after")).hasValue("30");
        assertThat(third.body()).contains("\"error\":{").contains("2 requests per minute").contains("\"code\":\"budget_exceeded\"");
        clock.advance(Duration.ofSeconds(30));
        assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      }
      java.nio.file.Files.delete(f);
    }
  }
}
