package io.tokenmaxx.gateway;

import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webserver.http.ServerRequest;
import io.tokenmaxx.gateway.config.Protocol;
import io.tokenmaxx.gateway.config.Upstream;
import java.net.URI;

/**
 * Builds and sends the request to an upstream: its URL (the client's query string kept), the
 * client's headers less hop-by-hop headers and credentials, and the credential the upstream gets —
 * the gateway's own key, or in pass-through the client's key unchanged.
 */
final class UpstreamRequests {
  private static final HeaderName X_API_KEY = HeaderNames.create("x-api-key");
  private static final HeaderName ANTHROPIC_VERSION = HeaderNames.create("anthropic-version");
  /** The Messages API version sent when the client (e.g. a translated chat request) named none. */
  static final String ANTHROPIC_API_VERSION = "2023-06-01";

  private UpstreamRequests() {}

  /**
   * @param path       after the upstream's base URL ({@code /v1/messages}, {@code /chat/completions})
   * @param translated the body is a translation: only the User-Agent of the client's headers is kept
   *                   and the client's query string (meant for its own API) is not
   * @param body       null for a GET
   */
  static HttpClientResponse send(Gateway g, ServerRequest req, Caller caller, Upstream u, String path,
      boolean translated, byte[] body) {
    String url = u.url(path);
    String query = req.query().rawValue();
    if (!translated && query != null && !query.isEmpty()) url += "?" + query;
    HttpClientRequest r = g.client.method(body == null ? Method.GET : Method.POST).uri(URI.create(url));
    if (!translated) {
      for (Header h : req.headers()) if (Headers.forwardRequest(h.name())) r.header(h);
    } else {
      req.headers().first(HeaderNames.USER_AGENT).ifPresent(v -> r.header(HeaderNames.USER_AGENT, v));
    }
    if (caller.passThrough()) {
      r.header(HeaderNames.create(caller.ownCredential()), caller.ownValue());
    } else if (u.apiKey() != null) {
      if (u.protocol() == Protocol.ANTHROPIC) r.header(X_API_KEY, u.apiKey().reveal());
      else r.header(HeaderNames.AUTHORIZATION, "Bearer " + u.apiKey().reveal());
    }
    if (u.protocol() == Protocol.ANTHROPIC && (translated || !req.headers().contains(ANTHROPIC_VERSION))) {
      r.header(ANTHROPIC_VERSION, ANTHROPIC_API_VERSION);
    }
    r.header(HeaderNames.ACCEPT_ENCODING, "identity");
    if (body == null) return r.request();
    r.header(HeaderNames.CONTENT_TYPE, "application/json");
    return r.submit(body);
  }
}
