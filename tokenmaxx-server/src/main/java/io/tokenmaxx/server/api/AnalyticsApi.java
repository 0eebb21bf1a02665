package io.tokenmaxx.server.api;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.tokenmaxx.analyze.Analytics;
import io.tokenmaxx.analyze.AuditEntry;
import io.tokenmaxx.analyze.AuditLog;
import io.tokenmaxx.analyze.NotVisibleException;
import io.tokenmaxx.analyze.Viewer;
import io.tokenmaxx.server.http.ApiError;
import io.tokenmaxx.server.http.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The analytics JSON API: every number a dashboard page shows, at {@code /api/v1/analytics/...},
 * each page also as CSV tables ({@code ?format=csv&table=...}). Callers are resolved to a {@link
 * Viewer} (API tokens, or whatever resolver the server puts first), and the analytics layer scopes
 * what they get. The endpoints are listed in {@link Endpoints}; {@link OpenApiService} documents them.
 */
public final class AnalyticsApi implements HttpService {
  private final ViewerResolver viewers;
  private final AuditLog audit;
  private final Clock clock;
  private final List<Endpoint> endpoints;

  public AnalyticsApi(Analytics analytics, ViewerResolver viewers, AuditLog audit, Clock clock) {
    this.viewers = viewers;
    this.audit = audit;
    this.clock = clock;
    this.endpoints = Endpoints.all(analytics, audit, clock);
  }

  List<Endpoint> endpoints() {
    return endpoints;
  }

  @Override
  public void routing(HttpRules rules) {
    for (Endpoint e : endpoints) rules.get(e.path(), (req, res) -> handle(e, req, res));
  }

  private void handle(Endpoint e, ServerRequest req, ServerResponse res) {
    Viewer viewer = viewers.resolve(req).orElseThrow(() -> ApiError.unauthorized(
        "missing credentials: send 'Authorization: Bearer <token>' (a read or admin token)"));
    QueryParams q = new QueryParams(req.query());
    boolean csv = q.csv();
    String table = csv ? q.single(QueryParams.TABLE) : null;
    Function<Object, List<?>> rows = null;
    if (csv) {
      if (table == null || !e.tables().containsKey(table)) {
        throw ApiError.badRequest(QueryParams.TABLE, (table == null ? "format=csv needs a table" : "no table '" + table + "'")
            + "; tables of this page: " + e.tables().keySet());
      }
      rows = e.tables().get(table);
    }
    String id = e.hasPathId() ? req.path().pathParameters().get("id") : null;
    Object page;
    try {
      page = e.handler().handle(viewer, q, id);
    } catch (NotVisibleException ex) {
      throw ApiError.forbidden(ex.getMessage());
    } catch (NoSuchElementException ex) {
      throw ApiError.notFound(ex.getMessage());
    } catch (IllegalArgumentException ex) {
      throw ApiError.badRequest(null, ex.getMessage());
    }
    if (!csv) {
      Json.ok(res, page);
      return;
    }
    List<?> data = rows.apply(page);
    if (e.personLevel().contains(table) && !data.isEmpty()) {
      audit.append(new AuditEntry(clock.instant(), viewer.subject(), AuditEntry.EXPORT, e.operationId(), id,
          "table " + table + ", " + data.size() + " rows, " + req.query().value()));
    }
    res.status(Status.OK_200);
    res.header(HeaderNames.CONTENT_TYPE, "text/csv; charset=utf-8");
    res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + e.operationId() + "-" + table + ".csv\"");
    res.send(CsvTable.write(data).getBytes(StandardCharsets.UTF_8));
  }
}
