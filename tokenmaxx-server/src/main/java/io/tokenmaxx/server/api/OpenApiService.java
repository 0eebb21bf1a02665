package io.tokenmaxx.server.api;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.tokenmaxx.server.http.Json;
import java.util.Map;

/** Serves the OpenAPI 3 document of the analytics API at {@value #PATH} (no token needed). */
public final class OpenApiService implements HttpService {
  public static final String PATH = "/api/openapi.json";
  private final Map<String, Object> document;

  public OpenApiService(AnalyticsApi api, String version) {
    this(api, java.util.List.of(), version);
  }

  /** The analytics API plus {@code extra} endpoints (the plan API). */
  public OpenApiService(AnalyticsApi api, java.util.List<ApiOperation> extra, String version) {
    this.document = OpenApiDocument.build(api.endpoints(), extra, version);
  }

  Map<String, Object> document() {
    return document;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get(PATH, (req, res) -> Json.ok(res, document));
  }
}
