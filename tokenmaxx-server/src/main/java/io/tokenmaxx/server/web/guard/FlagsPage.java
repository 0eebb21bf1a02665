package io.tokenmaxx.server.web.guard;

import io.helidon.http.Status;
import io.tokenmaxx.analyze.AuditEntry;
import io.tokenmaxx.analyze.Viewer;
import io.tokenmaxx.guard.FlagFilter;
import io.tokenmaxx.guard.GuardFlag;
import io.tokenmaxx.guard.GuardRunner;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.server.checkin.CheckinFeature;
import io.tokenmaxx.server.checkin.LeaderboardRule;
import io.tokenmaxx.server.checkin.People;
import io.tokenmaxx.server.web.Access;
import io.tokenmaxx.server.web.NavItem;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.server.web.PageRoutes;
import io.tokenmaxx.server.web.Result;
import io.tokenmaxx.server.web.View;
import io.tokenmaxx.server.web.WebError;
import io.tokenmaxx.server.web.WebRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /flags}: person-weeks the Goodhart guard flagged, each with the signals that raised it
 * and their numbers. Admins see everyone's and review them (dismiss with a reason, reopen, run
 * detection now); managers see their reports', members their own. Paged ({@value #PAGE_SIZE} a
 * page) and filtered by name or team text; every view that shows someone else's flags is in the
 * audit log (names and evidence are person-level data).
 */
public final class FlagsPage implements Page {

  /** A flag with its person. */
  public record Row(GuardFlag flag, Person person, String team) {
    public String name() {
      return person == null || person.name() == null ? flag.person() : person.name();
    }
  }

  /** A status tab. */
  public record Choice(String label, String href, boolean current) {}

  static final int PAGE_SIZE = 25;

  /**
   * @param rows    flags shown, newest week first
   * @param tabs    open / dismissed / all
   * @param lastRun the last detection run, null before the first
   * @param error   why the last review was refused
   * @param paging  where this page is among the matching flags
   */
  public record Model(List<Row> rows, List<Choice> tabs, GuardRunner.Run lastRun, String error,
      Map<String, String> thresholds, java.time.ZoneId zone, String rule, Map<String, String> rules,
      Paging paging) {}

  /**
   * @param status  the status tab ({@code open}, {@code dismissed}, {@code all})
   * @param query   the name or team text filtered by ("" for none)
   * @param page    1-based
   * @param pages   how many pages (at least 1)
   * @param total   flags matching
   * @param first   1-based position of the first row shown (0 when none)
   * @param last    position of the last row shown
   */
  public record Paging(String status, String query, int page, int pages, int total, int first, int last) {
    public String href(int p) {
      return "/flags?status=" + status + (query.isEmpty() ? "" : "&q=" + java.net.URLEncoder.encode(query,
          java.nio.charset.StandardCharsets.UTF_8)) + "&page=" + p;
    }
  }

  private final CheckinFeature f;

  public FlagsPage(CheckinFeature feature) {
    this.f = feature;
  }

  @Override
  public List<NavItem> nav() {
    return List.of(new NavItem("flags", "Flags", "/flags", Access.SIGNED_IN, 80, false));
  }

  @Override
  public void routes(PageRoutes r) {
    r.get("/flags", Access.SIGNED_IN, w -> view(w, null));
    r.post("/flags/run", Access.ADMIN, w -> {
      GuardRunner.Run run = f.guard().runRecent();
      return view(w, null).withNotice("Detection ran over " + run.personWeeks() + " person-weeks: " + run.flagged()
          + " flagged (" + run.update().added() + " new, " + run.update().removed() + " cleared).");
    });
    r.post("/flags/leaderboard-rule", Access.ADMIN, w -> {
      try {
        f.leaderboardRule().set(w.form().text("rule"));
      } catch (IllegalArgumentException e) {
        return view(w, e.getMessage()).withStatus(Status.BAD_REQUEST_400);
      }
      return view(w, null).withNotice("Leaderboards now default to: "
          + LeaderboardRule.CHOICES.get(f.leaderboardRule().current()) + ".");
    });
    r.post("/flags/{person}/{week}/dismiss", Access.ADMIN, w -> review(w, GuardFlag.Status.DISMISSED));
    r.post("/flags/{person}/{week}/reopen", Access.ADMIN, w -> review(w, GuardFlag.Status.OPEN));
  }

  private Result review(WebRequest w, GuardFlag.Status status) {
    String person = w.pathParam("person");
    LocalDate week;
    try {
      week = LocalDate.parse(w.pathParam("week"));
    } catch (DateTimeParseException e) {
      throw WebError.notFound();
    }
    GuardFlag flag = f.store().flags().get(person, week).orElseThrow(WebError::notFound);
    String reason = w.form().text("reason");
    if (status == GuardFlag.Status.DISMISSED && reason.isEmpty()) {
      return view(w, "Say why the flag is dismissed: the reason is kept with it.").withStatus(Status.BAD_REQUEST_400);
    }
    if (reason.length() > 2000) return view(w, "The reason is too long (2000 characters at most).").withStatus(Status.BAD_REQUEST_400);
    String by = w.user().account().email();
    f.store().flags().review(flag.person(), flag.week(), status, by, reason.isEmpty() ? null : reason, f.clock().instant());
    return Result.redirect("/flags?status=" + (status == GuardFlag.Status.DISMISSED ? "dismissed" : "open"));
  }

  private View view(WebRequest w, String error) {
    Viewer v = w.viewer();
    String statusText = w.param("status").orElse("open");
    GuardFlag.Status status = switch (statusText) {
      case "open" -> GuardFlag.Status.OPEN;
      case "dismissed" -> GuardFlag.Status.DISMISSED;
      case "all" -> null;
      default -> throw WebError.badParameter("status", "open, dismissed or all");
    };
    String query = w.param("q").orElse("").strip();
    if (query.length() > 200) throw WebError.badParameter("q", "at most 200 characters");
    int page = page(w);
    List<GuardFlag> flags = f.store().flags().list(new FlagFilter(null, null, status, null)).stream()
        .filter(x -> v.canSee(x.person())).toList();
    Map<String, Person> people = People.of(f.directory(), flags.stream().map(GuardFlag::person).distinct().toList());
    io.tokenmaxx.server.checkin.OrgNames names = io.tokenmaxx.server.checkin.OrgNames.of(f.directory());
    String needle = query.toLowerCase(java.util.Locale.ROOT);
    List<Row> matching = new ArrayList<>();
    for (GuardFlag x : flags) {
      Person p = people.get(x.person());
      Row row = new Row(x, p, p == null ? null : names.team(p.team()));
      if (needle.isEmpty() || row.name().toLowerCase(java.util.Locale.ROOT).contains(needle)
          || (row.team() != null && row.team().toLowerCase(java.util.Locale.ROOT).contains(needle))) {
        matching.add(row);
      }
    }
    int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    if (page > pages) page = pages;
    int from = (page - 1) * PAGE_SIZE;
    List<Row> rows = matching.subList(from, Math.min(matching.size(), from + PAGE_SIZE));
    long others = rows.stream().filter(r -> !v.isSelf(r.flag().person())).count();
    if (others > 0) {
      f.store().auditLog().append(new AuditEntry(f.clock().instant(), v.subject(), AuditEntry.VIEW, "flags",
          rows.size() == 1 ? rows.getFirst().flag().person() : null,
          "status " + statusText + (query.isEmpty() ? "" : ", q=" + query) + ", page " + page + ", " + rows.size()
              + " flags (" + others + " of others): " + rows.stream().map(r -> r.flag().person() + "@" + r.flag().week())
              .collect(java.util.stream.Collectors.joining(" "))));
    }
    List<Choice> tabs = new ArrayList<>();
    for (String s : List.of("open", "dismissed", "all")) {
      tabs.add(new Choice(s.substring(0, 1).toUpperCase() + s.substring(1), "/flags?status=" + s, s.equals(statusText)));
    }
    Paging paging = new Paging(statusText, query, page, pages, matching.size(), rows.isEmpty() ? 0 : from + 1,
        from + rows.size());
    return Result.view("guard/flags.jte", "Flags", "flags", new Model(rows, tabs, f.guard().last(), error,
        f.guard().runner().config().asMap(), f.zone(), f.leaderboardRule().current(), LeaderboardRule.CHOICES, paging))
        .withoutFilterBar();
  }

  private static int page(WebRequest w) {
    String p = w.param("page").orElse("1");
    try {
      int n = Integer.parseInt(p);
      if (n >= 1 && n <= 1_000_000) return n;
    } catch (NumberFormatException e) {
      // below
    }
    throw WebError.badParameter("page", "a page number from 1");
  }
}
