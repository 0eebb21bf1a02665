package io.tokenmaxx.server.web;

/**
 * A link in the dashboard's navigation.
 *
 * @param key    what pages name to mark it current ({@link View#nav()})
 * @param label  the text
 * @param href   where it goes (filters in the query string are carried along when {@code filtered})
 * @param access who sees it
 * @param order  position, lowest first (overview 10, adoption 20, ... admin 900+)
 * @param filtered whether the link keeps the current filters
 */
public record NavItem(String key, String label, String href, Access access, int order, boolean filtered) {

  public static NavItem page(String key, String label, String href, int order) {
    return new NavItem(key, label, href, Access.SIGNED_IN, order, true);
  }

  public static NavItem admin(String key, String label, String href, int order) {
    return new NavItem(key, label, href, Access.ADMIN, order, false);
  }
}
