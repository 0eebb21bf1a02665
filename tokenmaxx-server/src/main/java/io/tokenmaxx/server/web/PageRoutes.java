package io.tokenmaxx.server.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.tokenmaxx.analyze.NotVisibleException;
import io.tokenmaxx.analyze.Viewer;
import io.tokenmaxx.server.web.auth.Csrf;
import io.tokenmaxx.server.web.auth.SignedIn;
import java.lang.System.Logger.Level;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Registers page routes with what every page needs done the same way: the session is resolved, the
 * route's {@link Access} enforced (signed-out visitors are sent to sign in, non-admins get 403 on
 * admin pages), filters parsed, POSTs checked for CSRF (same origin + the session's token), the
 * view rendered inside the layout, and failures shown as an HTML error page that names no
 * internals. A person or team the viewer may not see answers 404, like one that does not exist.
 */
public final class PageRoutes {
  private static final System.Logger LOG = System.getLogger(PageRoutes.class.getName());

  private final HttpRules rules;
  private final WebContext ctx;
  private final Templates templates;
  private final List<NavItem> nav;

  PageRoutes(HttpRules rules, WebContext ctx, Templates templates, List<NavItem> nav) {
    this.rules = rules;
    this.ctx = ctx;
    this.templates = templates;
    this.nav = nav;
  }

  public PageRoutes get(String path, Access access, PageHandler handler) {
    rules.get(path, (req, res) -> serve(req, res, access, handler, false));
    return this;
  }

  /** A state-changing form post: refused unless same-origin and carrying the session's CSRF token. */
  public PageRoutes post(String path, Access access, PageHandler handler) {
    if (access == Access.PUBLIC) throw new IllegalArgumentException("public posts check their own token: use postPublic");
    rules.post(path, (req, res) -> serve(req, res, access, handler, true));
    return this;
  }

  /** A post open to signed-out visitors (sign-in): same-origin is checked, the handler checks its token. */
  public PageRoutes postPublic(String path, PageHandler handler) {
    rules.post(path, (req, res) -> {
      try {
        Csrf.requireSameOrigin(req);
      } catch (WebError e) {
        error(req, res, null, e.status(), e.getMessage());
        return;
      }
      serve(req, res, Access.PUBLIC, handler, true);
    });
    return this;
  }

  private void serve(ServerRequest req, ServerResponse res, Access access, PageHandler handler, boolean post) {
    SignedIn user = null;
    try {
      user = ctx.sessions().current(req).orElse(null);
      if (access != Access.PUBLIC && user == null) {
        signInFirst(req, res);
        return;
      }
      if (access == Access.ADMIN && !user.admin()) {
        throw new WebError(Status.FORBIDDEN_403, "This page is for administrators.");
      }
      Form form = !post ? Form.parse("") : Form.read(req, access == Access.ADMIN ? Form.ADMIN_MAX_BYTES : Form.MAX_BYTES);
      if (post && access != Access.PUBLIC) Csrf.check(req, form, user.csrfToken());
      Viewer viewer = user == null ? null : ctx.viewers().of(user);
      QueryString query = query(req);
      Filters filters = Filters.parse(query, ctx.clock(), ctx.zone());
      WebRequest w = new WebRequest(req, res, user, viewer, filters, form);
      Result result = handler.handle(w);
      switch (result) {
        case Result.Redirect r -> redirect(res, r.location());
        case View v -> send(req, res, v, layout(req, user, viewer, v, filters, query));
      }
    } catch (WebError e) {
      error(req, res, user, e.status(), e.getMessage());
    } catch (NotVisibleException | NoSuchElementException e) {
      error(req, res, user, Status.NOT_FOUND_404, WebError.notFound().getMessage());
    } catch (Exception e) {
      LOG.log(Level.ERROR, "page " + req.prologue().method().text() + " " + req.path().path() + " failed", e);
      error(req, res, user, Status.INTERNAL_SERVER_ERROR_500,
          "Something went wrong while preparing this page. The server log has the details.");
    }
  }

  static QueryString query(ServerRequest req) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (String name : req.query().names()) m.put(name, req.query().first(name).orElse(""));
    return QueryString.of(m);
  }

  private Layout layout(ServerRequest req, SignedIn user, Viewer viewer, View v, Filters filters, QueryString query) {
    List<NavItem> visible = nav.stream().filter(n -> switch (n.access()) {
      case PUBLIC -> true;
      case SIGNED_IN -> user != null;
      case ADMIN -> user != null && user.admin();
    }).toList();
    FilterBar bar = v.filterBar() && user != null ? FilterBars.of(req.path().path(), filters, query, ctx, v.datesOnly()) : null;
    int k = viewer == null || viewer.isAdmin() ? 1 : viewer.minGroupSize();
    return new Layout(v.title(), v.nav(), visible, user, bar, v.notice(), filters.query(), req.path().path(), k, ctx.zone());
  }

  private void send(ServerRequest req, ServerResponse res, View v, Layout layout) {
    Map<String, Object> params = new HashMap<>();
    params.put("layout", layout);
    params.put("m", v.model());
    byte[] html = templates.render(v.template(), params);
    res.status(v.status());
    res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");
    res.send(html);
  }

  private void error(ServerRequest req, ServerResponse res, SignedIn user, Status status, String message) {
    if (res.isSent()) return;
    View v = new View("error.jte", status.code() + " " + status.reasonPhrase(), null, message, status, null, false);
    Layout layout = new Layout(v.title(), null, user == null ? List.of() : nav.stream()
        .filter(n -> n.access() != Access.ADMIN || user.admin()).toList(), user, null, null,
        QueryString.empty(), req.path().path(), 1, ctx.zone());
    try {
      send(req, res, v, layout);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "rendering the error page failed", e);
      res.status(status).send(message);
    }
  }

  private static void signInFirst(ServerRequest req, ServerResponse res) {
    String target = req.path().path() + Optional.ofNullable(req.query().rawValue()).filter(q -> !q.isEmpty())
        .map(q -> "?" + q).orElse("");
    String location = "/login?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
    if (req.headers().contains(HeaderNames.create("HX-Request"))) {
      res.header(HeaderNames.create("HX-Redirect"), location);
      res.status(Status.OK_200).send();
      return;
    }
    redirect(res, location);
  }

  static void redirect(ServerResponse res, String location) {
    res.status(Status.SEE_OTHER_303);
    res.header(HeaderNames.LOCATION, location);
    res.send();
  }
}
