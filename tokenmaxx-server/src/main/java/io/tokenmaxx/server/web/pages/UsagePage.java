package io.tokenmaxx.server.web.pages;

import io.tokenmaxx.analyze.page.UsagePage.HeatCell;
import io.tokenmaxx.server.web.Access;
import io.tokenmaxx.server.web.Chart;
import io.tokenmaxx.server.web.NavItem;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.server.web.PageRoutes;
import io.tokenmaxx.server.web.Result;
import io.tokenmaxx.server.web.WebContext;
import io.tokenmaxx.server.web.WebRequest;
import java.util.List;

/**
 * {@code /usage} ("How tokens are used"): coding agents vs chat vs API, tools and models, what
 * sessions look like, the mix of token kinds (input, output, cache, reasoning), and when people
 * work with AI (hour of day x weekday).
 */
public final class UsagePage implements Page {

  /**
   * @param heat tokens per weekday (rows, Monday first) and hour (columns), as a shade 0..9 and a value
   */
  public record Model(io.tokenmaxx.analyze.page.UsagePage page, Chart categories, Chart tools, Chart models,
      Heatmap heat, Names names, Chart durations, Chart tokensPerSession, Chart requestsPerSession) {}

  /** The hour x weekday grid: {@code cells[day][hour]}. */
  public record Heatmap(long[][] tokens, int[][] shade, long max, boolean empty) {
    public static final List<String> DAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

    static Heatmap of(List<HeatCell> cells) {
      long[][] t = new long[7][24];
      long max = 0;
      for (HeatCell c : cells) {
        if (c.dayOfWeek() < 1 || c.dayOfWeek() > 7 || c.hour() < 0 || c.hour() > 23) continue;
        t[c.dayOfWeek() - 1][c.hour()] += c.tokens();
        max = Math.max(max, t[c.dayOfWeek() - 1][c.hour()]);
      }
      int[][] shade = new int[7][24];
      for (int d = 0; d < 7; d++) {
        for (int h = 0; h < 24; h++) {
          // Linear scale; any use at all gets at least the lightest shade.
          shade[d][h] = max == 0 || t[d][h] == 0 ? 0 : 1 + (int) Math.min(8, Math.floor(9 * (t[d][h] / (double) max) - 1e-9));
        }
      }
      return new Heatmap(t, shade, max, max == 0);
    }
  }

  private final WebContext ctx;

  public UsagePage(WebContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public List<NavItem> nav() {
    return List.of(NavItem.page("usage", "How tokens are used", "/usage", 40));
  }

  @Override
  public void routes(PageRoutes r) {
    r.get("/usage", Access.SIGNED_IN, this::show);
  }

  private Result show(WebRequest w) {
    var page = ctx.analytics().usage(w.viewer(), w.filter());
    Chart categories = Charts.mix(page.categories(), false, "Tokens by kind of tool");
    Chart tools = Charts.mix(page.tools(), false, "Tokens by tool");
    Chart models = Charts.mix(page.models(), false, "Tokens by model");
    return Result.view("pages/usage.jte", "How tokens are used", "usage",
        new Model(page, categories, tools, models, Heatmap.of(page.heatmap()), Pages.names(ctx),
            shape(page.sessions() == null ? null : page.sessions().durationMinutes(), "Sessions by duration"),
            shape(page.sessions() == null ? null : page.sessions().tokensPerSession(), "Sessions by tokens"),
            shape(page.sessions() == null ? null : page.sessions().requestsPerSession(), "Sessions by requests")));
  }

  private static Chart shape(io.tokenmaxx.analyze.page.Distribution d, String label) {
    if (d == null || d.suppressed() || d.histogram() == null) return null;
    return Charts.histogram(d.histogram(), "Sessions", label);
  }
}
