package io.tokenmaxx.server.web;

import io.tokenmaxx.server.web.auth.Csrf;
import io.tokenmaxx.server.web.auth.SignedIn;
import java.util.List;

/**
 * What the shared layout ({@code layout.jte}) needs besides the page's own model: title, navigation,
 * who is signed in, the CSRF token for forms, the filter bar, and a one-off notice.
 *
 * @param title     page title and heading
 * @param navKey    the current navigation entry
 * @param nav       navigation entries this account may see, in order
 * @param user      signed-in account, null on public pages
 * @param filterBar the filter bar, null when the page has none
 * @param notice    message above the content, may be null
 * @param filters   the current filters as a query string (links keep them)
 * @param path      the current path
 * @param k         the minimum group size aggregates need for this viewer (1 for admins)
 * @param zone      the organization's time zone (times are shown in it)
 */
public record Layout(String title, String navKey, List<NavItem> nav, SignedIn user, FilterBar filterBar,
    String notice, QueryString filters, String path, int k, java.time.ZoneId zone) {

  public String csrfField() {
    return Csrf.FIELD;
  }

  public String csrfToken() {
    return user == null ? "" : user.csrfToken();
  }

  /** The link of a navigation entry, carrying the filters when the entry is filtered. */
  public String href(NavItem item) {
    return item.filtered() ? filters.on(item.href()) : item.href();
  }

  public boolean current(NavItem item) {
    return item.key().equals(navKey);
  }

  /** A path of this site with the current filters. */
  public String link(String path) {
    return filters.on(path);
  }

  /** Whether the current page is one of the administration entries (their menu is marked). */
  public boolean adminCurrent() {
    for (NavItem item : nav) if (item.order() >= 900 && current(item)) return true;
    return false;
  }

  public boolean admin() {
    return user != null && user.admin();
  }
}
