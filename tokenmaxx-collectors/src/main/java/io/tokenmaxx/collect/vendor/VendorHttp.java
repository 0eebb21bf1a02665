package io.tokenmaxx.collect.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One vendor's HTTP: JSON requests with the vendor's headers, answered 429 and 5xx (and connection
 * failures) with retries. A {@code Retry-After} header (seconds or an HTTP date) is honoured as
 * given; without one the wait doubles from {@code baseDelay} up to {@code maxDelay}, each wait
 * drawn between half and all of it so that several sources do not retry in step. A wait longer
 * than {@code maxDelay} is not slept: the pull fails with the vendor's message and the scheduler
 * tries again later. Other 4xx answers fail at once. Errors carry the status and the vendor's
 * error text, with the key redacted.
 */
final class VendorHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String USER_AGENT = "tokenmaxx-importer/0.1";

  private final HttpClient client;
  private final String vendor;
  private final Secret secret;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final Clock clock;
  private final RandomGenerator random;

  record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration requestTimeout) {
    static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofMinutes(2), Duration.ofSeconds(60));
  }

  VendorHttp(HttpClient client, String vendor, Secret secret, RetryPolicy retry, Sleeper sleeper, Clock clock,
      RandomGenerator random) {
    this.client = client;
    this.vendor = vendor;
    this.secret = secret;
    this.retry = retry;
    this.sleeper = sleeper;
    this.clock = clock;
    this.random = random;
  }

  static HttpClient defaultClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(20)).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  JsonNode get(URI uri, Map<String, String> headers) throws InterruptedException {
    return json(send(uri, headers, null));
  }

  JsonNode post(URI uri, Map<String, String> headers, Object body) throws InterruptedException {
    String text;
    try {
      text = JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return json(send(uri, headers, text));
  }

  /** A GET without the vendor's auth headers (signed download links), the body as text. */
  String download(URI uri) throws InterruptedException {
    return send(uri, Map.of(), null);
  }

  private JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new VendorException(vendor + ": the answer is not JSON: " + excerpt(body), 200, e);
    }
  }

  private String send(URI uri, Map<String, String> headers, String jsonBody) throws InterruptedException {
    VendorException last = null;
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(retry.requestTimeout())
          .header("User-Agent", USER_AGENT).header("Accept", "application/json");
      headers.forEach(b::header);
      if (jsonBody != null) {
        b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody));
      } else {
        b.GET();
      }
      Duration wait;
      try {
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        int status = r.statusCode();
        if (status >= 200 && status < 300) return r.body();
        last = new VendorException(vendor + " " + describe(uri) + ": HTTP " + status + ": "
            + secret.redact(errorText(r.body())), status, null);
        if (status != 429 && status < 500) throw last;
        final int n = attempt;
        wait = retryAfter(r).orElseGet(() -> backoff(n));
      } catch (IOException e) {
        last = new VendorException(vendor + " " + describe(uri) + ": " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + secret.redact(e.getMessage())), 0, e);
        wait = backoff(attempt);
      }
      if (attempt == retry.maxAttempts()) break;
      if (wait.compareTo(retry.maxDelay()) > 0) {
        throw new VendorException(last.getMessage() + " (asked to wait " + wait.toSeconds()
            + " s; trying again at the next run)", last.status(), last, wait);
      }
      sleeper.sleep(wait);
    }
    throw new VendorException(last.getMessage() + " (gave up after " + retry.maxAttempts() + " attempts)",
        last.status(), last);
  }

  private static String describe(URI uri) {
    return uri.getPath();
  }

  private Duration backoff(int attempt) {
    long max = retry.baseDelay().toMillis() << Math.min(attempt - 1, 20);
    max = Math.min(max, retry.maxDelay().toMillis());
    return Duration.ofMillis(max / 2 + random.nextLong(max / 2 + 1));
  }

  private java.util.Optional<Duration> retryAfter(HttpResponse<?> r) {
    return r.headers().firstValue("Retry-After").map(String::strip).flatMap(v -> {
      try {
        return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
      } catch (NumberFormatException notSeconds) {
        try {
          ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
          Duration d = Duration.between(clock.instant(), at.toInstant());
          return java.util.Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException bad) {
          return java.util.Optional.empty();
        }
      }
    });
  }

  /** The vendor's error text: Anthropic {@code error.message}, OpenAI {@code error.message}, GitHub {@code message}, Cursor {@code error}/{@code message}. */
  static String errorText(String body) {
    if (body == null || body.isBlank()) return "(no body)";
    try {
      JsonNode n = JSON.readTree(body);
      JsonNode e = n.path("error");
      if (e.isObject() && e.path("message").isTextual()) {
        String type = e.path("type").asText("");
        return (type.isEmpty() ? "" : type + ": ") + e.path("message").asText();
      }
      if (n.path("message").isTextual()) return n.path("message").asText();
      if (e.isTextual()) return e.asText();
    } catch (IOException notJson) {
      // fall through: show the start of the body
    }
    return excerpt(body);
  }

  private static String excerpt(String body) {
    String s = body == null ? "" : body.replaceAll("\\s+", " ").strip();
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
