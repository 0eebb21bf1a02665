package io.tokenmaxx.server.web;

import io.helidon.http.Status;

/**
 * A page that cannot be shown, with the status and a message for the person reading it. Rendered
 * as an HTML error page; never carries internals (SQL, stack traces).
 */
public final class WebError extends RuntimeException {
  private final Status status;

  public WebError(Status status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public static WebError notFound() {
    return new WebError(Status.NOT_FOUND_404, "There is no such page, or you may not see it.");
  }

  public static WebError badParameter(String name, String why) {
    return new WebError(Status.BAD_REQUEST_400, "Bad value for '" + name + "': " + why);
  }

  public Status status() {
    return status;
  }
}
