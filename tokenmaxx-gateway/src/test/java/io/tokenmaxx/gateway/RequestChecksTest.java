package io.tokenmaxx.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed, oversized and unroutable requests get a clear error in the provider's shape; nothing reaches upstream. */
class RequestChecksTest {
  static GatewayFixture fx;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    fx = new GatewayFixture("  max-body-bytes: 4096\n", java.time.Clock.systemUTC(), b -> { });
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fx.server.port() + path))
        .header("x-api-key", fx.key.secret()).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"model\": \"claude\", \"messages\": [", "not json at all", "[1,2,3]", "{\"model\":1}",
      "{\"model\":\"x\"} trailing", ""})
  void malformedBodiesAre400InAnthropicsShape(String body) throws Exception {
    int before = fx.anthropic.requestCount();
    HttpResponse<String> r = post("/anthropic/v1/messages", body);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).startsWith("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":");
    assertThat(fx.anthropic.requestCount()).isEqualTo(before);
  }

  @Test
  void aMissingModelIsNamed() throws Exception {
    HttpResponse<String> r = post("/openai/v1/chat/completions", "{\"messages\":[]}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"message\":\"model: is required\"").contains("\"type\":\"invalid_request_error\"");
  }

  @Test
  void anOversizedBodyIs413NamingTheSetting() throws Exception {
    String big = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(5000) + "\"}]}";
    HttpResponse<String> r = post("/openai/v1/chat/completions", big);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("gateway.max-body-bytes").contains("4096");
    // chunked (no Content-Length) is counted as it arrives
    HttpResponse<String> chunked = HTTP.send(HttpRequest.newBuilder(URI.create(fx.openaiUrl() + "/chat/completions"))
        .header("authorization", "Bearer " + fx.key.secret())
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes()))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).isEqualTo(413);
  }

  @Test
  void unknownPathsAre404InTheProvidersShape() throws Exception {
    HttpResponse<String> r = post("/openai/v1/audio/speech", "{}");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("\"error\":{").contains("/openai/v1/chat/completions");
  }

  @Test
  void aClientsOwnProviderKeyIsPassedThroughAndAttributedByItsHash() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(fx.anthropicUrl() + "/v1/messages"))
        .header("x-api-key", "sk-ant-personal-key-of-someone").header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":5,\"messages\":[]}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(fx.anthropic.last().header("x-api-key")).isEqualTo("sk-ant-personal-key-of-someone");
    var rec = fx.nextRecord();
    assertThat(rec.strategy()).isEqualTo("pass-through");
    assertThat(rec.keyId()).isNull();
    assertThat(rec.usage().person()).isNull();
    assertThat(rec.usage().identity().toString()).matches("api_key:sha256-[0-9a-f]{32}");
    assertThat(rec.toString()).doesNotContain("sk-ant-personal-key-of-someone");
  }
}
