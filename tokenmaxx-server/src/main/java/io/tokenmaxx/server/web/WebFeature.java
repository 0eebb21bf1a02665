package io.tokenmaxx.server.web;

import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The dashboard: security headers on every answer, static assets (our CSS and JS, ECharts and htmx
 * from their webjars, gzip-compressed), and every {@link Page}. {@code /} goes to the overview.
 */
public final class WebFeature implements HttpFeature {
  private final WebContext ctx;
  private final List<Page> pages;
  private final Templates templates = new Templates();

  private WebFeature(WebContext ctx, List<Page> pages) {
    this.ctx = ctx;
    this.pages = List.copyOf(pages);
  }

  public static Builder builder(WebContext ctx) {
    return new Builder(ctx);
  }

  public WebContext context() {
    return ctx;
  }

  @Override
  public void setup(HttpRouting.Builder routing) {
    routing.addFilter(new SecurityHeaders());
    routing.register(new StaticAssets());
    List<NavItem> nav = new ArrayList<>();
    for (Page p : pages) nav.addAll(p.nav());
    nav.sort(Comparator.comparingInt(NavItem::order));
    PageRoutes routes = new PageRoutes(routing, ctx, templates, List.copyOf(nav));
    routes.get("/", Access.SIGNED_IN, w -> Result.redirect("/overview"));
    for (Page p : pages) p.routes(routes);
  }

  /** Collects the pages; the standard ones are added by {@code DashboardPages}. */
  public static final class Builder {
    private final WebContext ctx;
    private final List<Page> pages = new ArrayList<>();

    private Builder(WebContext ctx) {
      this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    public Builder page(Page page) {
      pages.add(Objects.requireNonNull(page, "page"));
      return this;
    }

    public Builder pages(List<? extends Page> more) {
      more.forEach(this::page);
      return this;
    }

    public WebFeature build() {
      return new WebFeature(ctx, pages);
    }
  }
}
