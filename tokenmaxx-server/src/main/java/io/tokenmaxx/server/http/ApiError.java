package io.tokenmaxx.server.http;

import io.helidon.http.Status;
import java.util.Map;

/**
 * An error answer for the JSON API: an HTTP status and a message a person can act on, naming the
 * parameter, field or header that was wrong.
 */
public final class ApiError extends RuntimeException {
  private final Status status;
  private final String field;

  public ApiError(Status status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }

  public static ApiError badRequest(String field, String message) {
    return new ApiError(Status.BAD_REQUEST_400, field, message);
  }

  public static ApiError unauthorized(String message) {
    return new ApiError(Status.UNAUTHORIZED_401, null, message);
  }

  public static ApiError forbidden(String message) {
    return new ApiError(Status.FORBIDDEN_403, null, message);
  }

  public static ApiError notFound(String message) {
    return new ApiError(Status.NOT_FOUND_404, null, message);
  }

  public Status status() {
    return status;
  }

  public String field() {
    return field;
  }

  /** The JSON body: {@code {"error": {"status": 400, "message": "...", "field": "..."}}}. */
  public Map<String, Object> body() {
    return body(status, field, getMessage());
  }

  public static Map<String, Object> body(Status status, String field, String message) {
    var e = new java.util.LinkedHashMap<String, Object>();
    e.put("status", status.code());
    e.put("message", message);
    if (field != null) e.put("field", field);
    return Map.of("error", e);
  }
}
