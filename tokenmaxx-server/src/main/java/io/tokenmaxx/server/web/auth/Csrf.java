package io.tokenmaxx.server.web.auth;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.tokenmaxx.server.web.Form;
import io.tokenmaxx.server.web.WebError;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * Cross-site request forgery defence for every state-changing request: the request must come from
 * this site's own pages (its {@code Origin}, or else {@code Referer}, names the host the request
 * was sent to) and carry the session's synchronizer token (form field {@value #FIELD} or header
 * {@value #HEADER}), compared in constant time.
 */
public final class Csrf {
  public static final String FIELD = "_csrf";
  public static final String HEADER = "X-CSRF-Token";

  private Csrf() {}

  /** Refuses the request (403) unless it is same-origin and carries {@code expected}. */
  public static void check(ServerRequest req, Form form, String expected) {
    requireSameOrigin(req);
    String sent = form.get(FIELD).orElseGet(() -> req.headers().first(HeaderNames.create(HEADER)).orElse(""));
    if (expected == null || !equal(sent, expected)) {
      throw new WebError(Status.FORBIDDEN_403,
          "This form has expired or did not come from this site. Go back, reload the page and try again.");
    }
  }

  /** Refuses (403) a request whose Origin or Referer is another site, or that names neither. */
  public static void requireSameOrigin(ServerRequest req) {
    Optional<String> origin = req.headers().first(HeaderNames.ORIGIN).filter(o -> !o.equals("null"));
    Optional<String> referer = req.headers().first(HeaderNames.REFERER);
    String source = origin.orElse(referer.orElse(null));
    if (source == null || !sameHost(req, source)) {
      throw new WebError(Status.FORBIDDEN_403, "Requests that change something must come from this site's own pages.");
    }
  }

  static boolean sameHost(ServerRequest req, String source) {
    String host;
    try {
      URI u = URI.create(source.strip());
      if (u.getHost() == null) return false;
      host = u.getHost().toLowerCase(Locale.ROOT) + (u.getPort() >= 0 ? ":" + u.getPort() : "");
    } catch (IllegalArgumentException e) {
      return false;
    }
    for (String candidate : new String[] {
        req.headers().first(HeaderNames.HOST).orElse(null),
        req.headers().first(HeaderNames.X_FORWARDED_HOST).orElse(null)}) {
      if (candidate != null && sameAuthority(host, candidate.strip().toLowerCase(Locale.ROOT))) return true;
    }
    return false;
  }

  /** Compares host[:port], treating a missing port as equal to the default ones. */
  private static boolean sameAuthority(String a, String b) {
    if (a.equals(b)) return true;
    return strip(a).equals(strip(b));
  }

  private static String strip(String authority) {
    return authority.endsWith(":80") || authority.endsWith(":443")
        ? authority.substring(0, authority.lastIndexOf(':')) : authority;
  }

  static boolean equal(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
