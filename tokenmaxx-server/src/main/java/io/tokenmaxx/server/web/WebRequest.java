package io.tokenmaxx.server.web;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.tokenmaxx.analyze.AnalyticsFilter;
import io.tokenmaxx.analyze.Viewer;
import io.tokenmaxx.server.web.auth.SignedIn;
import java.util.Optional;

/**
 * One page request as handlers see it: who is signed in (and the {@link Viewer} that scopes every
 * number they may see), the filters from the query string, the submitted form (POST), and path
 * parameters.
 */
public final class WebRequest {
  private final ServerRequest req;
  private final ServerResponse res;
  private final SignedIn user;
  private final Viewer viewer;
  private final Filters filters;
  private final Form form;

  WebRequest(ServerRequest req, ServerResponse res, SignedIn user, Viewer viewer, Filters filters, Form form) {
    this.req = req;
    this.res = res;
    this.user = user;
    this.viewer = viewer;
    this.filters = filters;
    this.form = form;
  }

  public ServerRequest request() {
    return req;
  }

  public ServerResponse response() {
    return res;
  }

  /** The signed-in account (null only on public pages). */
  public SignedIn user() {
    return user;
  }

  /** What the signed-in account may see (null only on public pages). */
  public Viewer viewer() {
    return viewer;
  }

  public Filters filters() {
    return filters;
  }

  /** The analytics filter of the query string (range, department, team, tool, model). */
  public AnalyticsFilter filter() {
    return filters.analytics();
  }

  /** The submitted form (POST requests; empty on GET). */
  public Form form() {
    return form;
  }

  public String pathParam(String name) {
    return req.path().pathParameters().get(name);
  }

  /** A query parameter, trimmed, absent when empty. */
  public Optional<String> param(String name) {
    return req.query().first(name).asOptional().map(String::strip).filter(s -> !s.isEmpty());
  }

  /** Every query parameter (first value of each), for links that keep them. */
  public QueryString query() {
    return PageRoutes.query(req);
  }

  /** The address of the requesting client (for throttling sign-ins). */
  public String clientAddress() {
    return req.remotePeer().host();
  }
}
