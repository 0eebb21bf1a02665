package io.tokenmaxx.server.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A plain HTTP client with a cookie jar, for checks a browser would not let us make (forged requests). */
final class WebClient {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern LOGIN = Pattern.compile("name=\"_login\" value=\"([^\"]+)\"");

  final String base;
  final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  final HttpClient http;

  WebClient(String base) {
    this.base = base;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1).build();
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  HttpResponse<String> get(String path, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
    headers.forEach(b::header);
    return send(b.build());
  }

  /** A form post with the given Origin header (null: none). */
  HttpResponse<String> post(String path, Map<String, String> form, String origin) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
    if (origin != null) b.header("Origin", origin);
    return send(b.build());
  }

  /** Signs in through the real form; returns the CSRF token of the session. */
  String signIn(String email, String password) {
    String token = match(LOGIN, get("/login").body());
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_login", token);
    form.put("email", email);
    form.put("password", password);
    HttpResponse<String> r = post("/login", form, base);
    if (r.statusCode() != 303) throw new IllegalStateException("sign-in failed: " + r.statusCode() + " " + r.body());
    return csrf();
  }

  /** The CSRF token in the forms of a signed-in page. */
  String csrf() {
    return match(CSRF, get("/account").body());
  }

  static String match(Pattern p, String html) {
    Matcher m = p.matcher(html);
    if (!m.find()) throw new IllegalStateException("no " + p + " in the page");
    return m.group(1);
  }

  static String encode(Map<String, String> form) {
    return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }

  private HttpResponse<String> send(HttpRequest req) {
    try {
      return http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
