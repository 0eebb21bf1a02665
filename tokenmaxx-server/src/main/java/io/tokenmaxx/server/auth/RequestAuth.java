package io.tokenmaxx.server.auth;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.tokenmaxx.server.http.ApiError;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the token of a request — {@code Authorization: Bearer T}, or a configured header (so an
 * organization can roll ingest out with {@code OTEL_EXPORTER_OTLP_HEADERS=x-tokenmaxx-token=T}) —
 * and requires the scope the route needs.
 */
public final class RequestAuth {
  private final Authenticator authenticator;
  private final String tokenHeader;

  public RequestAuth(Authenticator authenticator, String tokenHeader) {
    this.authenticator = authenticator;
    this.tokenHeader = tokenHeader.toLowerCase(Locale.ROOT);
  }

  /** The caller, who must hold one of {@code scopes}; otherwise a 401 or 403 {@link ApiError}. */
  public Principal requireAny(ServerRequest req, Principal.Scope... scopes) {
    Principal p = authenticate(req);
    for (Principal.Scope s : scopes) if (p.can(s)) return p;
    throw ApiError.forbidden("this token may not do this (it has "
        + p.scopes().stream().map(s -> s.name().toLowerCase(Locale.ROOT)).sorted().toList() + ")");
  }

  private Principal authenticate(ServerRequest req) {
    String token = token(req).orElseThrow(() -> ApiError.unauthorized(
        "missing token: send 'Authorization: Bearer <token>' or the '" + tokenHeader + "' header"));
    return authenticator.authenticate(token).orElseThrow(() ->
        ApiError.unauthorized("unknown or revoked token"));
  }

  /** The caller, who must hold {@code scope}; otherwise a 401 or 403 {@link ApiError}. */
  public Principal require(ServerRequest req, Principal.Scope scope) {
    Principal p = authenticate(req);
    if (!p.can(scope)) {
      throw ApiError.forbidden("this token may not " + scope.name().toLowerCase(Locale.ROOT)
          + " (it has " + p.scopes().stream().map(s -> s.name().toLowerCase(Locale.ROOT)).sorted().toList() + ")");
    }
    return p;
  }

  /** The token the request presents, if any (not yet checked). */
  public Optional<String> token(ServerRequest req) {
    Optional<String> auth = req.headers().first(HeaderNames.AUTHORIZATION);
    if (auth.isPresent()) {
      String v = auth.get().trim();
      if (v.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.of(v.substring(7).trim());
    }
    return req.headers().first(HeaderNames.create(tokenHeader)).map(String::trim).filter(s -> !s.isEmpty());
  }
}
