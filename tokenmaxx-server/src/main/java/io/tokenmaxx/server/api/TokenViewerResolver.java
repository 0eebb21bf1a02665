package io.tokenmaxx.server.api;

import io.helidon.webserver.http.ServerRequest;
import io.tokenmaxx.analyze.OrgChart;
import io.tokenmaxx.analyze.Viewer;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.server.auth.Principal;
import io.tokenmaxx.server.auth.RequestAuth;
import io.tokenmaxx.server.http.ApiError;
import java.util.Optional;

/**
 * Viewers from API tokens ({@code Authorization: Bearer ...}): an admin token is an ADMIN; a
 * person's read token is that person — a MANAGER of their reporting subtree when anyone reports to
 * them (from the directory's manager links), else a MEMBER. Read tokens of no person are refused:
 * there is nobody to scope them to.
 */
public final class TokenViewerResolver implements ViewerResolver {
  private final RequestAuth auth;
  private final Directory directory;
  private final int minGroupSize;

  public TokenViewerResolver(RequestAuth auth, Directory directory, int minGroupSize) {
    this.auth = auth;
    this.directory = directory;
    this.minGroupSize = minGroupSize;
  }

  @Override
  public Optional<Viewer> resolve(ServerRequest req) {
    if (auth.token(req).isEmpty()) return Optional.empty();
    Principal p = auth.require(req, Principal.Scope.READ);
    return Optional.of(viewer(p));
  }

  Viewer viewer(Principal p) {
    if (p.can(Principal.Scope.ADMIN) && p.scopes().contains(Principal.Scope.ADMIN)) {
      return Viewer.admin(p.subject(), p.personId(), minGroupSize);
    }
    if (p.personId() == null) {
      throw ApiError.forbidden("read token " + p.subject() + " belongs to no person; analytics need a person's "
          + "token (scoped to what that person may see) or an admin token");
    }
    if (directory.person(p.personId()).isEmpty()) {
      throw ApiError.forbidden("read token " + p.subject() + " belongs to person '" + p.personId()
          + "', who is not in the directory");
    }
    return Viewer.forPerson(p.subject(), p.personId(), OrgChart.of(directory.people()), minGroupSize);
  }
}
