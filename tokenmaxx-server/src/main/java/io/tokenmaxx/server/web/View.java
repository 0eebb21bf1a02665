package io.tokenmaxx.server.web;

import io.helidon.http.Status;

/**
 * A template to render with its model inside the layout.
 *
 * @param template   JTE template path, e.g. {@code pages/overview.jte}
 * @param title      page title (also the heading)
 * @param nav        key of the navigation entry to mark current, may be null
 * @param model      the template's {@code m} parameter
 * @param status     HTTP status
 * @param notice     a one-off message shown above the content, may be null
 * @param filterBar  whether the filter bar is shown
 */
public record View(String template, String title, String nav, Object model, Status status,
    String notice, boolean filterBar, boolean datesOnly) implements Result {

  public View(String template, String title, String nav, Object model, Status status, String notice,
      boolean filterBar) {
    this(template, title, nav, model, status, notice, filterBar, false);
  }

  /** A filter bar with the date range only (pages where department, team, tool and model mean nothing). */
  public View withDatesOnly() {
    return new View(template, title, nav, model, status, notice, true, true);
  }

  public View withStatus(Status s) {
    return new View(template, title, nav, model, s, notice, filterBar, datesOnly);
  }

  public View withNotice(String n) {
    return new View(template, title, nav, model, status, n, filterBar, datesOnly);
  }

  public View withoutFilterBar() {
    return new View(template, title, nav, model, status, notice, false);
  }
}
