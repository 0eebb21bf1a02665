package io.tokenmaxx.server.checkin;

import io.tokenmaxx.server.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts JSON events (the weekly digest, reminders) to the configured URL. The body is signed:
 * {@code X-Tokenmaxx-Signature: sha256=HEX} is the HMAC-SHA256, with the shared secret, of
 * {@code TIMESTAMP + "." + BODY}, where {@code X-Tokenmaxx-Timestamp} is the Unix time in seconds
 * (receivers reject old timestamps to stop replays). {@code X-Tokenmaxx-Event} names the event.
 */
public final class Webhook {
  public static final String SIGNATURE = "X-Tokenmaxx-Signature";
  public static final String TIMESTAMP = "X-Tokenmaxx-Timestamp";
  public static final String EVENT = "X-Tokenmaxx-Event";

  private final URI url;
  private final byte[] secret;
  private final Clock clock;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

  public Webhook(URI url, String secret, Clock clock) {
    this.url = url;
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  /** What the receiver answered. */
  public record Delivery(int status, String event, int bytes) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** POSTs {@code {"event": event, "data": payload}}; a failure to connect is an {@link IOException}. */
  public Delivery post(String event, Object payload) throws IOException {
    byte[] body = Json.MAPPER.writeValueAsBytes(Map.of("event", event, "data", payload));
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    HttpRequest req = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .header(EVENT, event)
        .header(TIMESTAMP, timestamp)
        .header(SIGNATURE, "sha256=" + sign(secret, timestamp, body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    try {
      HttpResponse<Void> res = client.send(req, HttpResponse.BodyHandlers.discarding());
      return new Delivery(res.statusCode(), event, body.length);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while posting to " + url, e);
    }
  }

  /** Hex HMAC-SHA256 of {@code timestamp + "." + body}: what receivers recompute to check a delivery. */
  public static String sign(byte[] secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '.');
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  public URI url() {
    return url;
  }
}
