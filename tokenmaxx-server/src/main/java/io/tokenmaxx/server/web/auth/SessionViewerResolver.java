package io.tokenmaxx.server.web.auth;

import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.tokenmaxx.analyze.Viewer;
import io.tokenmaxx.server.api.ViewerResolver;
import java.util.Optional;

/**
 * A signed-in dashboard session as the viewer of an analytics API read (the CSV links on the pages),
 * scoped exactly as the pages are. Only GET and HEAD: a state-changing API call carries a token, so
 * a session cookie can never be used for one by a forged cross-site request.
 */
public final class SessionViewerResolver implements ViewerResolver {
  private final Sessions sessions;
  private final Viewers viewers;

  public SessionViewerResolver(Sessions sessions, Viewers viewers) {
    this.sessions = sessions;
    this.viewers = viewers;
  }

  @Override
  public Optional<Viewer> resolve(ServerRequest req) {
    Method m = req.prologue().method();
    if (m != Method.GET && m != Method.HEAD) return Optional.empty();
    if (Sessions.cookie(req) == null) return Optional.empty();
    return sessions.current(req).map(viewers::of);
  }
}
