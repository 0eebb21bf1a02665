package io.tokenmaxx.server.web;

import java.util.List;

/**
 * One dashboard page: a class that registers its routes and a JTE template under
 * {@code src/main/jte/pages/} that renders its model inside the shared layout. To add a page, write
 * both and hand the class to {@link WebFeature.Builder#page}; its {@link #nav} entries join the
 * navigation.
 */
public interface Page {

  /** Registers the page's routes. */
  void routes(PageRoutes routes);

  /** Entries this page adds to the navigation (none by default). */
  default List<NavItem> nav() {
    return List.of();
  }
}
