package io.tokenmaxx.server.api;

import io.tokenmaxx.analyze.Analytics;
import io.tokenmaxx.analyze.AuditEntry;
import io.tokenmaxx.analyze.AuditLog;
import io.tokenmaxx.analyze.LeaderboardMeasure;
import io.tokenmaxx.analyze.LeaderboardMode;
import io.tokenmaxx.analyze.NotVisibleException;
import io.tokenmaxx.analyze.page.AdoptionPage;
import io.tokenmaxx.analyze.page.Distribution;
import io.tokenmaxx.analyze.page.Leaderboard;
import io.tokenmaxx.analyze.page.OverviewPage;
import io.tokenmaxx.analyze.page.PersonPage;
import io.tokenmaxx.analyze.page.SpendPage;
import io.tokenmaxx.analyze.page.TeamPage;
import io.tokenmaxx.analyze.page.UnattributedPage;
import io.tokenmaxx.analyze.page.UsagePage;
import io.tokenmaxx.server.api.Endpoint.Param;
import io.tokenmaxx.server.api.Endpoint.Tables;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every endpoint of the analytics API. */
final class Endpoints {
  private Endpoints() {}

  static final String BASE = "/api/v1/analytics";
  static final String PRIVACY = " For non-admins, a figure is shown only when it covers at least k people "
      + "(privacy.min-group-size) the caller cannot see individually in every week of the range, and only along rows "
      + "that the breakdown beside its total shows (so no total minus the shown rows gives a smaller group away); "
      + "other rows carry suppressed=true and no numbers. Their ranges are whole weeks in the organization's zone, "
      + "and a group's series are weekly.";

  static final List<Param> FILTERS = List.of(
      new Param(QueryParams.FROM, "First day (inclusive), local to tz. Default: 27 days before `to`.", "string", "date", List.of(), false),
      new Param(QueryParams.TO, "Last day (inclusive), local to tz. Default: today.", "string", "date", List.of(), false),
      Param.text(QueryParams.TZ, "Time zone days, weeks and hours are counted in (IANA id). Default: analytics.zone."),
      new Param(QueryParams.DEPARTMENT, "Department ids (people by their current directory entry).", "string", null, List.of(), true),
      new Param(QueryParams.TEAM, "Team ids.", "string", null, List.of(), true),
      new Param(QueryParams.TOOL, "Tools (claude-code, codex, gemini-cli, qwen-code, opencode, copilot-cli, chat, api, ...).", "string", null, List.of(), true),
      new Param(QueryParams.MODEL, "Model names as recorded.", "string", null, List.of(), true));

  static final List<Param> EXPORT = List.of(
      new Param(QueryParams.FORMAT, "json (default) or csv.", "string", null, List.of("json", "csv"), false),
      Param.text(QueryParams.TABLE, "With format=csv: which table of the page (listed in the operation's description)."));

  static List<Endpoint> all(Analytics a, AuditLog audit, java.time.Clock clock) {
    List<Endpoint> out = new ArrayList<>();
    out.add(new Endpoint(BASE + "/overview", "overview", "Headcount, active people, adoption, tokens and spend with trends",
        "Active people in the 7 and 28 days ending on `to`, adoption by department, tokens and spend against the "
            + "previous period of the same length, people whose first use ever is in the week of `to`, and usage "
            + "without a person." + PRIVACY, List.of(), true, OverviewPage.class,
        new Tables<>(OverviewPage.class).summary().add("departments", OverviewPage::adoptionByDepartment)
            .add("new-adopters", p -> p.newAdopters().people()).build(),
        Set.of("new-adopters"), (v, q, id) -> a.overview(v, q.filter())));
    out.add(new Endpoint(BASE + "/adoption", "adoption", "Breadth, depth cohorts, active trends, retention, time to first use, diversity",
        "Depth counts active days per week (thresholds in `settings`); breadth counts groups with at least "
            + "`settings.breadthThreshold` of their headcount active in the 28 days ending on `to`." + PRIVACY,
        List.of(), true, AdoptionPage.class,
        new Tables<>(AdoptionPage.class).summary().add("departments", p -> p.breadth().departmentRows())
            .add("teams", p -> p.breadth().teamRows()).add("depth", AdoptionPage::depth)
            .add("daily-active", AdoptionPage::dailyActive).add("weekly-active", AdoptionPage::weeklyActive)
            .add("retention", AdoptionPage::retention).add("joiners", p -> p.timeToFirstUse().people())
            .add("time-to-first-use", p -> p.timeToFirstUse().histogram())
            .add("tools-per-person", p -> p.diversity().toolsPerPerson())
            .add("models-per-person", p -> p.diversity().modelsPerPerson())
            .add("tools", p -> p.diversity().tools()).add("models", p -> p.diversity().models()).build(),
        Set.of("joiners"), (v, q, id) -> a.adoption(v, q.filter())));
    out.add(new Endpoint(BASE + "/leaderboard", "leaderboard", "People ranked by a measure, with context",
        "Names only for people the caller may see individually (admins: everyone; managers: their reporting "
            + "subtree); everyone else appears under a pseudonym that holds within this view only (caller, range, filters, "
            + "measure, adjustments) and without the context columns a named feed also shows. The caller's own row is always flagged "
            + "`self`. mode=bands returns percentile bands and the caller's own row only. Context columns from "
            + "extensions (check-in streaks, flags) are in `rows[].context`.",
        List.of(new Param(QueryParams.MEASURE, "What to rank by (default tokens).", "string", null,
                Arrays.stream(LeaderboardMeasure.values()).map(LeaderboardMeasure::label).toList(), false),
            new Param(QueryParams.MODE, "How people appear (default pseudonymous).", "string", null,
                Arrays.stream(LeaderboardMode.values()).map(LeaderboardMode::label).toList(), false),
            new Param(QueryParams.LIMIT, "Most rows returned (default 100, or every row for format=csv; at most 10000); the caller's row is always in `self`.",
                "integer", null, List.of(), false),
            new Param(QueryParams.ADJUST, "Ranking adjustments, applied in order (repeatable or comma-separated): "
                + a.leaderboardAdjustments().stream().map(x -> "`" + x.key() + "`: " + x.description()).toList()
                + ". Without this parameter the organization's default rule applies (an admin picks it; out of the box "
                + "`demote-flagged`); `none` asks for the plain ranking. The applied ones are listed in `adjustments`.",
                "string", null, java.util.stream.Stream.concat(a.leaderboardAdjustments().stream().map(x -> x.key()),
                    java.util.stream.Stream.of("none")).toList(), false)),
        true, Leaderboard.class,
        new Tables<>(Leaderboard.class).add("rows", Leaderboard::rows).add("bands", Leaderboard::bands).build(),
        Set.of("rows"), (v, q, id) -> {
          Leaderboard lb = a.leaderboard(v, q.filter(), q.measure(), q.mode(), q.adjustments());
          // A CSV export is the whole ranking unless a limit is asked for; the JSON page its first 100 rows.
          int limit = q.limit(q.csv() ? 10_000 : 100, 10_000);
          if (lb.rows().size() <= limit) return lb;
          return new Leaderboard(lb.period(), lb.measure(), lb.mode(), lb.suppressed(), lb.people(), lb.contextColumns(),
              lb.rows().subList(0, limit), lb.bands(), lb.self(), lb.adjustments());
        }));
    out.add(new Endpoint(BASE + "/people/{id}", "person", "One person's usage, sessions, outcomes and spend",
        "Only for people the caller may see individually (404 otherwise, answered as for an unknown id). Peer medians (same team, same role) "
            + "are suppressed below k. Viewing someone else's page is written to the audit log.",
        List.of(), true, PersonPage.class,
        new Tables<>(PersonPage.class).summary().add("daily", PersonPage::daily).add("tools", PersonPage::tools)
            .add("models", PersonPage::models).add("sessions", PersonPage::recentSessions).add("peers", PersonPage::peers).build(),
        Set.of("summary", "daily", "tools", "models", "sessions", "peers"), (v, q, id) -> a.person(v, id, q.filter())));
    out.add(new Endpoint(BASE + "/teams/{id}", "team", "One team's usage, members, sessions, outcomes and spend",
        "Team aggregates are suppressed below k unless the caller may see every member; member rows and "
            + "sessions only for members the caller may see individually.", List.of(), true, TeamPage.class,
        new Tables<>(TeamPage.class).summary().add("daily", TeamPage::daily).add("tools", TeamPage::tools)
            .add("models", TeamPage::models).add("sessions", TeamPage::recentSessions).add("members", TeamPage::members).build(),
        Set.of("sessions", "members"), (v, q, id) -> a.team(v, id, q.filter())));
    out.add(new Endpoint(BASE + "/spend", "spend", "Spend by model, provider, tool and team; cache savings; share of loaded cost; forecast",
        "Cost is the effective cost (computed from the price catalog, else the cost the source reported); records "
            + "with neither are counted in unpricedRecords. Share of loaded cost = spend x 365 / days / annual "
            + "loaded cost, given as distributions. The forecast adds, for each remaining day of the month, the "
            + "average spend of the same weekday over the last 28 days." + PRIVACY,
        List.of(), true, SpendPage.class,
        new Tables<>(SpendPage.class).summary().add("models", SpendPage::byModel).add("providers", SpendPage::byProvider)
            .add("tools", SpendPage::byTool).add("teams", SpendPage::byTeam).add("daily", SpendPage::daily)
            .add("cache-savings", p -> p.cacheSavings() == null ? List.of() : p.cacheSavings().byModel())
            .add("team-shares", p -> p.loadedCost() == null ? List.of() : p.loadedCost().teams())
            .add("share-distribution", p -> p.loadedCost() == null ? List.of()
                : distributions(Map.of("people", p.loadedCost().people(), "teams", p.loadedCost().teamDistribution())))
            .build(),
        Set.of(), (v, q, id) -> a.spend(v, q.filter())));
    out.add(new Endpoint(BASE + "/usage", "usage", "Tool and model mix, session shapes, token ratios, hour x weekday heatmap",
        "Tools are grouped as coding-agent (claude-code, codex, gemini-cli, qwen-code, opencode, copilot-cli), chat, api and "
            + "other. The heatmap is in tz; cells with fewer than k people are suppressed for non-admins." + PRIVACY,
        List.of(), true, UsagePage.class,
        new Tables<>(UsagePage.class).summary().add("categories", UsagePage::categories).add("tools", UsagePage::tools)
            .add("models", UsagePage::models).add("heatmap", UsagePage::heatmap)
            .add("sessions", p -> p.sessions() == null ? List.of() : distributions(Map.of(
                "duration-minutes", p.sessions().durationMinutes(), "tokens", p.sessions().tokensPerSession(),
                "requests", p.sessions().requestsPerSession())))
            .build(),
        Set.of(), (v, q, id) -> a.usage(v, q.filter())));
    out.add(new Endpoint(BASE + "/unattributed", "unattributed", "Usage without a person and the identities behind it (admins)",
        "Identities of records no alias matched, largest first: add aliases for them (POST /api/v1/aliases) to "
            + "attribute their history.",
        List.of(new Param(QueryParams.LIMIT, "Most identities (default 100, at most 10000).", "integer", null, List.of(), false)),
        true, UnattributedPage.class,
        new Tables<>(UnattributedPage.class).summary().add("identities", UnattributedPage::identities).build(),
        Set.of("identities"), (v, q, id) -> a.unattributed(v, q.filter(), q.limit(100, 10_000))));
    out.add(new Endpoint(BASE + "/audit", "audit", "Who viewed or exported person-level data (admins)",
        "Newest first. `from`/`to` are dates (UTC, to inclusive); `person` and `viewer` narrow it.",
        List.of(new Param(QueryParams.FROM, "First day (UTC).", "string", "date", List.of(), false),
            new Param(QueryParams.TO, "Last day (UTC, inclusive).", "string", "date", List.of(), false),
            Param.text("person", "Only entries about this person id."), Param.text("viewer", "Only entries by this viewer."),
            new Param(QueryParams.LIMIT, "Most entries (default 200, at most 10000).", "integer", null, List.of(), false)),
        false, AuditTrail.class, new Tables<>(AuditTrail.class).add("entries", AuditTrail::entries).build(),
        Set.of("entries"), (v, q, id) -> {
          if (!v.isAdmin()) throw new NotVisibleException("only admins may read the audit log");
          LocalDate from = q.date(QueryParams.FROM);
          LocalDate to = q.date(QueryParams.TO);
          Instant f = from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
          Instant t = to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
          return new AuditTrail(audit.entries(f, t, q.single("person"), q.single("viewer"), q.limit(200, 10_000)));
        }));
    return out;
  }

  /** The audit log as returned by the API. */
  record AuditTrail(List<AuditEntry> entries) {}

  /** Percentiles and histograms of named distributions as rows (measure, kind, label, value). */
  static List<Map<String, Object>> distributions(Map<String, Distribution> named) {
    List<Map<String, Object>> rows = new ArrayList<>();
    new java.util.TreeMap<>(named).forEach((name, d) -> {
      if (d == null || d.suppressed()) {
        rows.add(row(name, "suppressed", "", null));
        return;
      }
      rows.add(row(name, "count", "", d.count()));
      rows.add(row(name, "mean", "", d.mean()));
      d.percentiles().forEach(p -> rows.add(row(name, "percentile", "p" + Math.round(p.p() * 100), p.value())));
      d.histogram().forEach(b -> rows.add(row(name, "histogram", b.label(), b.count())));
    });
    return rows;
  }

  private static Map<String, Object> row(String measure, String kind, String label, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("measure", measure);
    m.put("kind", kind);
    m.put("label", label);
    m.put("value", value);
    return m;
  }
}
