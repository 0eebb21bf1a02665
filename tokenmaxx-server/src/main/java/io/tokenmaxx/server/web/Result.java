package io.tokenmaxx.server.web;

import io.helidon.http.Status;

/** What a page handler answers: a rendered view or a redirect. */
public sealed interface Result permits View, Result.Redirect {

  /** See-other redirect to a path of this site (never to another site). */
  record Redirect(String location) implements Result {
    public Redirect {
      if (location == null || !location.startsWith("/") || location.startsWith("//") || location.contains("\\")) {
        throw new IllegalArgumentException("redirects stay on this site: '" + location + "'");
      }
    }
  }

  static Redirect redirect(String location) {
    return new Redirect(location);
  }

  static View view(String template, String title, String nav, Object model) {
    return new View(template, title, nav, model, Status.OK_200, null, true);
  }
}
