package io.tokenmaxx.server.web.auth;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.time.Duration;
import java.util.Locale;

/**
 * How sign-in cookies are made and how long sessions last.
 *
 * @param secure      ALWAYS, NEVER, or AUTO: Secure when the request came over HTTPS (directly, or
 *                    through a proxy that says so in {@code X-Forwarded-Proto})
 * @param idleTimeout a session unused this long ends
 * @param maxAge      a session ends this long after sign-in, however active
 */
public record CookieSettings(Secure secure, Duration idleTimeout, Duration maxAge) {

  public enum Secure { AUTO, ALWAYS, NEVER }

  public static CookieSettings defaults() {
    return new CookieSettings(Secure.AUTO, Duration.ofMinutes(60), Duration.ofHours(12));
  }

  /** Whether cookies set on the answer to this request carry the Secure attribute. */
  public boolean secureFor(ServerRequest req) {
    return switch (secure) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> req.isSecure() || req.headers().first(HeaderNames.X_FORWARDED_PROTO)
          .map(v -> v.strip().toLowerCase(Locale.ROOT).startsWith("https")).orElse(false);
    };
  }
}
