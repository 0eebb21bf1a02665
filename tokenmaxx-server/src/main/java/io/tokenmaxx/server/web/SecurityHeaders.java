package io.tokenmaxx.server.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Security headers on every answer. The Content-Security-Policy allows scripts from this site only
 * (no inline script, no eval: charts read their data from {@code data-} attributes); inline
 * {@code style} attributes are allowed because the chart library's tooltips use them. Pages may
 * not be framed. Pages are not cached; static assets set their own caching.
 */
public final class SecurityHeaders implements Filter {
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
      + "frame-ancestors 'none'; base-uri 'none'";

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    res.header(HeaderNames.create("Content-Security-Policy"), CSP);
    res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
    res.header(HeaderNames.create("Referrer-Policy"), "same-origin");
    res.header(HeaderNames.create("X-Frame-Options"), "DENY");
    res.header(HeaderNames.create("Cross-Origin-Opener-Policy"), "same-origin");
    res.header(HeaderNames.create("Permissions-Policy"), "camera=(), microphone=(), geolocation=()");
    String path = req.path().path();
    if (path.startsWith("/static/") || path.startsWith("/webjars/")) {
      res.header(HeaderNames.CACHE_CONTROL, "public, max-age=86400");
    } else {
      res.header(HeaderNames.CACHE_CONTROL, "no-store");
    }
    chain.proceed();
  }
}
