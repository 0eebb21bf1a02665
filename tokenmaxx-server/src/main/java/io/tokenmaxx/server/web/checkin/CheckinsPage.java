package io.tokenmaxx.server.web.checkin;

import io.tokenmaxx.checkin.CheckIn;
import io.tokenmaxx.checkin.CheckinFilter;
import io.tokenmaxx.checkin.CheckinSearch;
import io.tokenmaxx.checkin.Reader;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.server.checkin.CheckinFeature;
import io.tokenmaxx.server.checkin.OrgNames;
import io.tokenmaxx.server.checkin.People;
import io.tokenmaxx.server.web.Access;
import io.tokenmaxx.server.web.NavItem;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.server.web.PageRoutes;
import io.tokenmaxx.server.web.QueryString;
import io.tokenmaxx.server.web.Result;
import io.tokenmaxx.server.web.WebError;
import io.tokenmaxx.server.web.WebRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /checkins}: the feed of the check-ins the viewer may read — their team's, their
 * department's or the whole organization's — with full-text search, facets by tag, tool and
 * department, and the week's "what worked" highlights.
 */
public final class CheckinsPage implements Page {
  static final int LIMIT = 15;

  /** A scope tab or a facet chip: label, link, whether it is applied. */
  public record Choice(String label, String href, boolean current) {}

  /** A facet dimension with its chips. */
  public record Facet(String label, List<Choice> values) {}

  /**
   * @param q          the search text
   * @param scopes     team / department / organization tabs
   * @param cards      the check-ins shown
   * @param total      how many readable check-ins match
   * @param facets     facet chips
   * @param worked     "what worked" highlights of the last two weeks
   * @param applied    the facet filters applied, each with a link that removes it
   * @param more       link to show more, null when all are shown
   * @param hidden     query parameters to keep in the search form
   */
  public record Model(String q, List<Choice> scopes, List<CheckinCard> cards, long total, List<Facet> facets,
      List<CheckinCard> worked, List<Choice> applied, String more, Map<String, String> hidden, boolean hasPerson) {}

  private final CheckinFeature f;

  public CheckinsPage(CheckinFeature feature) {
    this.f = feature;
  }

  @Override
  public List<NavItem> nav() {
    return List.of(new NavItem("checkins", "Check-ins", "/checkins", Access.SIGNED_IN, 70, false));
  }

  @Override
  public void routes(PageRoutes r) {
    r.get("/checkins", Access.SIGNED_IN, this::show);
  }

  private Result show(WebRequest w) {
    Reader reader = f.readers().of(w.viewer());
    Person me = w.viewer().personId() == null ? null : f.directory().person(w.viewer().personId()).orElse(null);
    String scope = w.param("scope").orElse("organization");
    if (!Set.of("team", "department", "organization").contains(scope)) throw WebError.badParameter("scope", "team, department or organization");
    String q = w.param("q").orElse("");
    if (q.length() > 500) throw WebError.badParameter("q", "at most 500 characters");
    int limit = w.param("limit").map(s -> {
      try {
        return Math.max(1, Math.min(500, Integer.parseInt(s)));
      } catch (NumberFormatException e) {
        throw WebError.badParameter("limit", "a number");
      }
    }).orElse(LIMIT);
    Set<String> teams = Set.of();
    Set<String> departments = w.param("department").map(Set::of).orElse(Set.of());
    if (scope.equals("team") && me != null && me.team() != null) teams = Set.of(me.team());
    if (scope.equals("department") && me != null && me.department() != null) departments = Set.of(me.department());
    Set<String> tags = w.param("tag").map(Set::of).orElse(Set.of());
    Set<String> tools = w.param("tool").map(Set::of).orElse(Set.of());
    if (w.param("team").isPresent()) teams = Set.of(w.param("team").get());
    CheckinSearch.Result res = f.service().search(new CheckinSearch.Query(q, tags, tools, departments, teams, null,
        null, null, limit), reader);

    List<CheckIn> found = new ArrayList<>();
    for (CheckinSearch.Hit h : res.hits()) f.service().get(h.id(), reader).ifPresent(found::add);
    Map<String, Person> people = People.of(f.directory(), found.stream().map(CheckIn::person).toList());
    List<CheckinCard> cards = new ArrayList<>();
    OrgNames names = OrgNames.of(f.directory());
    for (int i = 0; i < res.hits().size() && i < found.size(); i++) {
      CheckinSearch.Hit h = res.hits().get(i);
      CheckIn c = found.get(i);
      if (!c.id().equals(h.id())) continue;
      Map<String, Highlight> hl = new LinkedHashMap<>();
      h.fragments().forEach((k, v) -> hl.put(k, Highlight.of(v)));
      cards.add(new CheckinCard(c, People.name(people, c.person()), names.team(c.team()), hl, c.person().equals(reader.person())));
    }

    QueryString query = w.query().without("limit");
    List<Choice> scopes = new ArrayList<>();
    for (String[] s : new String[][] {{"team", "My team"}, {"department", "My department"}, {"organization", "Organization"}}) {
      scopes.add(new Choice(s[1], query.with("scope", s[0]).on("/checkins"), s[0].equals(scope)));
    }
    List<Facet> facets = new ArrayList<>();
    for (String[] dim : new String[][] {{"tag", "Use cases"}, {"tool", "Tools"}, {"department", "Departments"}}) {
      List<Choice> values = new ArrayList<>();
      for (CheckinSearch.FacetCount fc : res.facets().getOrDefault(dim[0], List.of())) {
        boolean on = fc.value().equals(w.param(dim[0]).orElse(null));
        String label = dim[0].equals("department") ? names.department(fc.value()) : fc.value();
        values.add(new Choice(label + " · " + fc.count(),
            (on ? query.without(dim[0]) : query.with(dim[0], fc.value())).on("/checkins"), on));
      }
      if (!values.isEmpty()) facets.add(new Facet(dim[1], values));
    }
    List<Choice> applied = new ArrayList<>();
    for (String key : List.of("tag", "tool", "department", "team")) {
      w.param(key).ifPresent(v -> applied.add(new Choice(key + ": " + (key.equals("department") ? names.department(v)
          : key.equals("team") ? names.team(v) : v), query.without(key).on("/checkins"), true)));
    }
    String more = res.total() > cards.size() && limit < 500 ? query.with("limit", Integer.toString(Math.min(500, limit * 2))).on("/checkins") : null;
    Map<String, String> hidden = new LinkedHashMap<>(query.without("q").values());
    return Result.view("checkins/feed.jte", "Check-ins", "checkins",
        new Model(q, scopes, cards, res.total(), facets, worked(reader, names), applied, more, hidden, me != null))
        .withoutFilterBar();
  }

  /** The readable "what worked" of the last two weeks, those that report the most time saved first. */
  private List<CheckinCard> worked(Reader reader, OrgNames names) {
    LocalDate week = f.service().calendar().currentWeek();
    List<CheckIn> recent = f.service().feed(new CheckinFilter(null, null, null, null, null, week.minusWeeks(1),
        week.plusWeeks(1), 200, 0), reader);
    List<CheckIn> best = recent.stream().filter(c -> !c.worked().isBlank())
        .sorted(Comparator.comparing((CheckIn c) -> c.minutesSaved() == null ? -1 : c.minutesSaved()).reversed()
            .thenComparing(CheckIn::updated, Comparator.reverseOrder()))
        .limit(6).toList();
    Map<String, Person> people = People.of(f.directory(), best.stream().map(CheckIn::person).toList());
    return best.stream().map(c -> new CheckinCard(c, People.name(people, c.person()), names.team(c.team()), Map.of(),
        c.person().equals(reader.person()))).toList();
  }

  /** The week a check-in is about, as pages show it. */
  public static String week(LocalDate monday) {
    return "week of " + io.tokenmaxx.server.web.Fmt.day(monday);
  }
}
