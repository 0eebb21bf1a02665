package io.tokenmaxx.server.web.pages;

import io.tokenmaxx.analyze.LeaderboardMeasure;
import io.tokenmaxx.analyze.LeaderboardMode;
import io.tokenmaxx.analyze.page.Leaderboard;
import io.tokenmaxx.analyze.page.LeaderboardRow;
import io.tokenmaxx.server.web.Access;
import io.tokenmaxx.server.web.NavItem;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.server.web.PageRoutes;
import io.tokenmaxx.server.web.QueryString;
import io.tokenmaxx.server.web.Result;
import io.tokenmaxx.server.web.WebContext;
import io.tokenmaxx.server.web.WebError;
import io.tokenmaxx.server.web.WebRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /leaderboard}: people ranked by a measure, each rank shown with its context (active days,
 * tool breadth, outcomes per token, percentile). Ranks by active days unless another measure is
 * picked. Names only for admins ({@code mode=named}); everyone else sees stable pseudonyms or
 * percentile bands, and always their own row, highlighted, with a "find me" link to it.
 */
public final class LeaderboardPage implements Page {
  static final int PAGE_SIZE = 50;

  /** A choice of a picker: its label, link, and whether it is the current one. */
  public record Choice(String label, String href, boolean current, String hint) {}

  /**
   * @param board    the leaderboard
   * @param measures measure picker
   * @param modes    mode picker (named only for admins)
   * @param rows     the rows of this page
   * @param pageNo   1-based page
   * @param pages    number of pages
   * @param prev     link to the previous page, null on the first
   * @param next     link to the next page, null on the last
   * @param findMe   link to the viewer's own row, null when they have none
   * @param measure  the measure
   */
  public record Model(Leaderboard board, List<Choice> measures, List<Choice> modes, List<LeaderboardRow> rows,
      int pageNo, int pages, String prev, String next, String findMe, LeaderboardMeasure measure, Names names,
      String csv, List<Choice> adjustments, Rule rule) {}

  /**
   * What the ranking rule did, for the note above the table.
   *
   * @param text        what was applied and why, in words
   * @param byDefault   whether it is the organization's default (the viewer picked nothing)
   * @param flagged     people on the board with an open flag in the period
   * @param plainHref   link to the plain ranking, null when it is shown
   * @param qualityHref link to the quality-adjusted ranking, null when it is shown
   */
  public record Rule(String text, boolean byDefault, long flagged, String plainHref, String qualityHref) {}

  private final WebContext ctx;

  public LeaderboardPage(WebContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public List<NavItem> nav() {
    return List.of(NavItem.page("leaderboard", "Leaderboard", "/leaderboard", 30));
  }

  @Override
  public void routes(PageRoutes r) {
    r.get("/leaderboard", Access.SIGNED_IN, this::show);
  }

  private Result show(WebRequest w) {
    LeaderboardMeasure measure = parse(w, "measure", LeaderboardMeasure.ACTIVE_DAYS);
    LeaderboardMode mode = parseMode(w);
    if (mode == LeaderboardMode.NAMED && !w.viewer().isAdmin()) mode = LeaderboardMode.PSEUDONYMOUS;
    // no adjust parameter: the organization's default rule; adjust=none: the plain ranking
    List<String> asked = w.param("adjust").map(v -> java.util.Arrays.stream(v.split(",")).map(String::strip)
        .filter(k -> !k.isEmpty()).distinct().toList()).orElse(null);
    Leaderboard board;
    try {
      board = ctx.analytics().leaderboard(w.viewer(), w.filter(), measure, mode, asked);
    } catch (IllegalArgumentException e) {
      throw WebError.badParameter("adjust", e.getMessage());
    }
    List<String> adjust = board.adjustments();
    QueryString q = w.query().without("page");
    List<Choice> measures = new ArrayList<>();
    for (LeaderboardMeasure m : LeaderboardMeasure.values()) {
      measures.add(new Choice(label(m), q.with("measure", m.label()).on("/leaderboard"), m == measure, hint(m)));
    }
    List<Choice> modes = new ArrayList<>();
    for (LeaderboardMode m : LeaderboardMode.values()) {
      if (m == LeaderboardMode.NAMED && !w.viewer().isAdmin()) continue;
      modes.add(new Choice(switch (m) {
        case NAMED -> "Named";
        case PSEUDONYMOUS -> "Pseudonymous";
        case BANDS -> "Bands";
      }, q.with("mode", m.label()).on("/leaderboard"), m == mode, null));
    }
    List<Choice> adjustments = new ArrayList<>();
    for (io.tokenmaxx.analyze.LeaderboardAdjustment a : ctx.analytics().leaderboardAdjustments()) {
      List<String> toggled = new ArrayList<>(adjust);
      if (!toggled.remove(a.key())) toggled.add(a.key());
      QueryString t = q.with("adjust", toggled.isEmpty() ? "none" : String.join(",", toggled));
      adjustments.add(new Choice(a.label(), t.on("/leaderboard"), adjust.contains(a.key()), a.description()));
    }
    List<LeaderboardRow> all = board.rows();
    int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int pageNo = w.param("page").map(p -> {
      try {
        return Integer.parseInt(p);
      } catch (NumberFormatException e) {
        throw WebError.badParameter("page", "expected a page number");
      }
    }).orElse(1);
    pageNo = Math.max(1, Math.min(pages, pageNo));
    List<LeaderboardRow> rows = all.subList((pageNo - 1) * PAGE_SIZE, Math.min(all.size(), pageNo * PAGE_SIZE));
    String findMe = null;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).self()) {
        findMe = q.with("page", Integer.toString(i / PAGE_SIZE + 1)).on("/leaderboard") + "#me";
        break;
      }
    }
    if (findMe == null && board.self() != null) findMe = "#me";
    String prev = pageNo > 1 ? q.with("page", Integer.toString(pageNo - 1)).on("/leaderboard") : null;
    String next = pageNo < pages ? q.with("page", Integer.toString(pageNo + 1)).on("/leaderboard") : null;
    QueryString csvQuery = w.filters().query().with("measure", measure.label()).with("mode", mode.label());
    csvQuery = csvQuery.with("adjust", adjust.isEmpty() ? "none" : String.join(",", adjust));
    String csv = io.tokenmaxx.server.web.Exports.csv("leaderboard", "rows", csvQuery);
    return Result.view("pages/leaderboard.jte", "Leaderboard", "leaderboard",
        new Model(board, measures, modes, rows, pageNo, pages, prev, next, findMe, measure, Pages.names(ctx), csv,
            adjustments, rule(board, asked == null, q)));
  }

  private Rule rule(Leaderboard board, boolean byDefault, QueryString q) {
    long flagged = board.rows().stream().filter(LeaderboardPage::flagged).count();
    List<String> a = board.adjustments();
    String text;
    if (a.contains("demote-flagged")) {
      text = "People with a week the Goodhart guard flagged (open flags) are ranked below everyone else and marked ⚑";
    } else if (a.contains("exclude-flagged")) {
      text = "People with a week the Goodhart guard flagged (open flags) are left out of this ranking";
    } else if (a.contains("quality-adjusted")) {
      text = "Ranked by quality points: commits, pull requests and check-ins, scaled down by flagged weeks";
    } else {
      text = "Plain ranking: flagged people (marked ⚑) keep their rank";
    }
    if (byDefault) text += " — the organization's default";
    String plain = a.isEmpty() ? null : q.with("adjust", "none").on("/leaderboard");
    String quality = a.contains("quality-adjusted") ? null : q.with("adjust", "quality-adjusted").on("/leaderboard");
    return new Rule(text + ".", byDefault, flagged, plain, quality);
  }

  /** Open flagged weeks of a row's person in the period (0 without the guard's context column). */
  public static long flaggedWeeks(LeaderboardRow r) {
    return r.context().get("flagged_weeks") instanceof Number n ? n.longValue() : 0;
  }

  public static boolean flagged(LeaderboardRow r) {
    return flaggedWeeks(r) > 0;
  }

  private static LeaderboardMeasure parse(WebRequest w, String name, LeaderboardMeasure dflt) {
    try {
      return w.param(name).map(LeaderboardMeasure::parse).orElse(dflt);
    } catch (IllegalArgumentException e) {
      throw WebError.badParameter(name, e.getMessage());
    }
  }

  private static LeaderboardMode parseMode(WebRequest w) {
    try {
      return w.param("mode").map(LeaderboardMode::parse).orElse(LeaderboardMode.PSEUDONYMOUS);
    } catch (IllegalArgumentException e) {
      throw WebError.badParameter("mode", e.getMessage());
    }
  }

  /** The ranked value as the measure reads best. */
  public static String format(LeaderboardMeasure m, java.math.BigDecimal v) {
    if (v == null) return "–";
    return switch (m) {
      case TOKENS -> io.tokenmaxx.server.web.Fmt.count(v.longValue());
      case SPEND -> io.tokenmaxx.server.web.Fmt.money(v);
      case OUTCOMES_PER_TOKEN -> io.tokenmaxx.server.web.Fmt.decimal(v.doubleValue(), 2);
      default -> io.tokenmaxx.server.web.Fmt.group(v.longValue());
    };
  }

  /** A person on the board: their name when shown, else their pseudonym. */
  public static String who(LeaderboardRow r) {
    return r.name() != null ? r.name() : r.pseudonym();
  }

  public static String label(LeaderboardMeasure m) {
    return switch (m) {
      case TOKENS -> "Tokens";
      case SPEND -> "Spend";
      case ACTIVE_DAYS -> "Active days";
      case TOOLS -> "Tools explored";
      case OUTCOMES_PER_TOKEN -> "Outcomes per token";
      default -> m.label();
    };
  }

  static String hint(LeaderboardMeasure m) {
    return switch (m) {
      case TOKENS -> "Volume only: read it with active days and outcomes.";
      case SPEND -> "What usage cost, at the price in force when it happened.";
      case ACTIVE_DAYS -> "Days with any use: steady habits over bursts.";
      case TOOLS -> "How many different tools someone tried.";
      case OUTCOMES_PER_TOKEN -> "Commits and pull requests per million tokens.";
      default -> null;
    };
  }
}
