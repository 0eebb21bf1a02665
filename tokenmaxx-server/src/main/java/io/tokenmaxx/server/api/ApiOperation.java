package io.tokenmaxx.server.api;

import java.util.List;

/**
 * An endpoint outside the analytics API that the OpenAPI document lists too (the plan API): its
 * route and method, parameters, and the records it reads and returns (schemas by reflection, as for
 * the analytics pages).
 *
 * @param method      get or post
 * @param path        route
 * @param operationId OpenAPI operation id
 * @param tag         group in the document, e.g. {@code plan}
 * @param summary     one line
 * @param description more
 * @param query       query parameters
 * @param requestBody the record read as the JSON body, or null
 * @param response    the record returned as JSON
 */
public record ApiOperation(String method, String path, String operationId, String tag, String summary,
    String description, List<QueryParam> query, Class<?> requestBody, Class<?> response) {

  public ApiOperation {
    query = query == null ? List.of() : List.copyOf(query);
  }

  /**
   * A query parameter.
   *
   * @param type OpenAPI type: string, integer
   */
  public record QueryParam(String name, String description, String type) {}
}
