package io.tokenmaxx.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The CLI's client of a tokenmaxx server: JSON requests with a bearer token, and errors turned into
 * one line that says what the server answered (or that it could not be reached).
 */
public final class ServerClient {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private final URI base;
  private final String token;
  private final HttpClient http;

  public ServerClient(String url, String token) {
    this.base = parse(url);
    this.token = token;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  static URI parse(String url) {
    try {
      URI u = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
          || u.getHost() == null) {
        throw new IllegalArgumentException("--server must be an http(s) URL such as http://localhost:8420, was '" + url + "'");
      }
      return u;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--server is not a URL: '" + url + "'");
    }
  }

  public URI base() {
    return base;
  }

  /** Sends a request; returns the response whatever its status (callers decide). */
  public HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body,
      String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(base.getPath() + path))
        .timeout(Duration.ofSeconds(120))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) b.header("Authorization", "Bearer " + token);
    if (contentType != null) b.header("Content-Type", contentType);
    for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (ConnectException e) {
      throw new IOException("cannot reach the server at " + base + " (is 'tokenmaxx serve' running there?)", e);
    } catch (HttpTimeoutException e) {
      throw new IOException("the server at " + base + " did not answer in time", e);
    }
  }

  /** A JSON call that must succeed (2xx); otherwise throws with the server's message. */
  public JsonNode json(String method, String path, Object body) throws IOException, InterruptedException {
    byte[] bytes = body == null ? null : MAPPER.writeValueAsBytes(body);
    HttpResponse<byte[]> r = send(method, path, body == null ? null : "application/json", bytes);
    if (r.statusCode() / 100 != 2) throw new IOException(describe(r));
    return r.body().length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(r.body());
  }

  /** "HTTP 403: this token may not admin ..." from an error answer. */
  public static String describe(HttpResponse<byte[]> r) {
    String msg = null;
    try {
      JsonNode n = MAPPER.readTree(r.body());
      if (n != null && n.has("error")) msg = n.get("error").path("message").asText(null);
    } catch (IOException ignored) {
      // not JSON
    }
    if (msg == null) msg = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).strip();
    String hint = switch (r.statusCode()) {
      case 401 -> " (check the token)";
      case 403 -> " (the token lacks the scope for this)";
      default -> "";
    };
    return "server answered HTTP " + r.statusCode() + ": " + (msg.isEmpty() ? "(no message)" : msg) + hint;
  }
}
