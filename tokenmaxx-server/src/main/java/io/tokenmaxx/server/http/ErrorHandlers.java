package io.tokenmaxx.server.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** Maps exceptions escaping a handler to JSON error answers; nothing leaks a stack trace. */
public final class ErrorHandlers {
  private static final Logger LOG = System.getLogger(ErrorHandlers.class.getName());

  private ErrorHandlers() {}

  public static void register(HttpRouting.Builder routing) {
    routing.error(ApiError.class, (req, res, e) -> {
      if (!res.isSent()) Json.send(res, e.status(), e.body());
    });
    routing.error(io.helidon.http.HttpException.class, (req, res, e) -> {
      if (!res.isSent()) Json.send(res, e.status(), ApiError.body(e.status(), null, e.getMessage()));
    });
    routing.error(IllegalArgumentException.class, (req, res, e) -> {
      if (!res.isSent()) Json.send(res, Status.BAD_REQUEST_400, ApiError.body(Status.BAD_REQUEST_400, null, e.getMessage()));
    });
    routing.error(Exception.class, (req, res, e) -> {
      LOG.log(Level.ERROR, "unhandled error on " + req.prologue().method() + " " + req.path().path(), e);
      if (!res.isSent()) {
        Json.send(res, Status.INTERNAL_SERVER_ERROR_500, ApiError.body(Status.INTERNAL_SERVER_ERROR_500,
            null, "internal error (" + e.getClass().getSimpleName() + "); see the server log"));
      }
    });
  }
}
