package io.tokenmaxx.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.analyze.page.GroupAdoption;
import io.tokenmaxx.analyze.page.Leaderboard;
import io.tokenmaxx.analyze.page.LeaderboardRow;
import io.tokenmaxx.analyze.page.OverviewPage;
import io.tokenmaxx.analyze.page.SpendPage;
import io.tokenmaxx.analyze.page.UsagePage;
import io.tokenmaxx.analyze.store.ReferenceAnalyticsStore;
import io.tokenmaxx.identity.Person;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AnalyticsServiceTest {
  static final LocalDate END = LocalDate.of(2026, 11, 20);
  static AnalyticsFixture fx;
  static List<AuditEntry> audit;
  static AnalyticsService service;
  static OrgChart chart;

  @BeforeAll
  static void setUp() {
    fx = AnalyticsFixture.generate(11, 90, 6, END);
    audit = new ArrayList<>();
    AuditLog log = new AuditLog() {
      @Override public synchronized void append(AuditEntry e) { audit.add(e); }
      @Override public List<AuditEntry> entries(Instant from, Instant to, String person, String viewer, int limit) { return List.copyOf(audit); }
    };
    service = AnalyticsService.builder()
        .store(new ReferenceAnalyticsStore(fx.usage, fx.outcomes, fx.people))
        .directory(fx.directory())
        .settings(fx.settings())
        .pseudonyms(new Pseudonyms("a test secret of enough bytes".getBytes()))
        .audit(log)
        .prices(AnalyticsFixture.CACHE_PRICES)
        .clock(Clock.fixed(Instant.parse("2026-11-20T21:00:00Z"), ZoneOffset.UTC))
        .build();
    chart = OrgChart.of(fx.people);
  }

  static Viewer admin() {
    return Viewer.admin("admin-token", null, 5);
  }

  static Person someMember() {
    return fx.people.stream().filter(p -> !chart.managesAnyone(p.id()) && p.team() != null)
        .filter(p -> fx.usage.stream().anyMatch(r -> p.id().equals(r.person()))).findFirst().orElseThrow();
  }

  @Test
  void overviewForAdminHasEveryNumber() {
    OverviewPage o = service.overview(admin(), AnalyticsFilter.defaults());
    assertThat(o.period().from()).isEqualTo(END.minusDays(27));
    assertThat(o.period().to()).isEqualTo(END);
    assertThat(o.headcount()).isEqualTo(90);
    assertThat(o.active28d()).isPositive().isLessThanOrEqualTo(90);
    assertThat(o.active7d()).isLessThanOrEqualTo(o.active28d());
    assertThat(o.tokens().current()).isPositive();
    assertThat(o.spend().current()).isPositive();
    assertThat(o.adoptionByDepartment()).isNotEmpty().noneMatch(GroupAdoption::suppressed);
    assertThat(o.unattributed().records()).isPositive();
  }

  @Test
  void smallGroupsAreSuppressedForMembersButNotForAdmins() {
    Person me = someMember();
    Viewer member = Viewer.forPerson("me", me.id(), chart, 5);
    // the smallest team
    Map<String, Integer> sizes = new HashMap<>();
    for (Person p : fx.people) if (p.team() != null) sizes.merge(p.team(), 1, Integer::sum);
    String small = sizes.entrySet().stream().filter(e -> e.getValue() < 5).map(Map.Entry::getKey).findFirst().orElse(null);
    if (small != null) {
      AnalyticsFilter f = AnalyticsFilter.builder().team(small).build();
      assertThat(service.overview(member, f).suppressed()).isTrue();
      assertThat(service.overview(member, f).tokens().current()).isNull();
      assertThat(service.overview(admin(), f).suppressed()).isFalse();
    }
    OverviewPage all = service.overview(member, AnalyticsFilter.defaults());
    assertThat(all.suppressed()).isFalse();
    for (GroupAdoption g : all.adoptionByDepartment()) {
      if (!g.suppressed()) assertThat(g.headcount()).isGreaterThanOrEqualTo(5);
      else assertThat(g.active()).isNull();
    }
  }

  @Test
  void pseudonymousLeaderboardNamesOnlyTheViewer() {
    Person me = someMember();
    Viewer member = Viewer.forPerson("me", me.id(), chart, 5);
    Leaderboard lb = service.leaderboard(member, AnalyticsFilter.defaults(), LeaderboardMeasure.TOKENS, LeaderboardMode.NAMED);
    assertThat(lb.rows()).isNotEmpty();
    for (LeaderboardRow r : lb.rows()) {
      if (r.self()) {
        assertThat(r.personId()).isEqualTo(me.id());
        assertThat(r.pseudonym()).as("no pseudonym beside a name").isNull();
      } else {
        assertThat(r.personId()).isNull();
        assertThat(r.pseudonym()).startsWith("anon-");
      }
    }
    assertThat(lb.self()).isNotNull();
    assertThat(lb.self().self()).isTrue();
    Leaderboard asAdmin = service.leaderboard(admin(), AnalyticsFilter.defaults(), LeaderboardMeasure.TOKENS, LeaderboardMode.NAMED);
    assertThat(asAdmin.rows()).allMatch(r -> r.personId() != null);
    // A pseudonym holds within one view: the same view again gives the same ones; another viewer,
    // another measure or another range gives others.
    Leaderboard again = service.leaderboard(member, AnalyticsFilter.defaults(), LeaderboardMeasure.TOKENS, LeaderboardMode.NAMED);
    assertThat(again.rows().stream().map(LeaderboardRow::pseudonym).toList())
        .containsExactlyElementsOf(lb.rows().stream().map(LeaderboardRow::pseudonym).toList());
    java.util.Set<String> here = new java.util.HashSet<>(lb.rows().stream().map(LeaderboardRow::pseudonym)
        .filter(java.util.Objects::nonNull).toList());
    Person someoneElse = fx.people.stream().filter(p -> !p.id().equals(me.id()) && !chart.managesAnyone(p.id()))
        .findFirst().orElseThrow();
    Viewer other = Viewer.forPerson("someone else", someoneElse.id(), chart, 5);
    for (Leaderboard view : List.of(
        service.leaderboard(other, AnalyticsFilter.defaults(), LeaderboardMeasure.TOKENS, LeaderboardMode.NAMED),
        service.leaderboard(member, AnalyticsFilter.defaults(), LeaderboardMeasure.SPEND, LeaderboardMode.NAMED))) {
      assertThat(view.rows()).isNotEmpty();
      assertThat(view.rows()).noneMatch(r -> here.contains(r.pseudonym()));
    }
    Leaderboard bands = service.leaderboard(member, AnalyticsFilter.defaults(), LeaderboardMeasure.ACTIVE_DAYS, LeaderboardMode.BANDS);
    assertThat(bands.rows()).isEmpty();
    assertThat(bands.bands()).hasSize(5);
    assertThat(bands.bands().stream().mapToInt(Leaderboard.Band::people).sum()).isEqualTo(bands.people());
    assertThat(bands.self()).isNotNull();
  }

  @Test
  void leaderboardTokensAddUpToAttributedTotal() {
    Leaderboard lb = service.leaderboard(admin(), AnalyticsFilter.defaults(), LeaderboardMeasure.TOKENS, LeaderboardMode.NAMED);
    OverviewPage o = service.overview(admin(), AnalyticsFilter.defaults());
    long sum = lb.rows().stream().mapToLong(LeaderboardRow::tokens).sum();
    assertThat(sum + o.unattributed().tokens()).isEqualTo(o.tokens().current());
    for (int i = 1; i < lb.rows().size(); i++) {
      assertThat(lb.rows().get(i).value()).isLessThanOrEqualTo(lb.rows().get(i - 1).value());
    }
  }

  @Test
  void personPagesFollowVisibilityAndAreAudited() {
    Person me = someMember();
    Viewer member = Viewer.forPerson("me", me.id(), chart, 5);
    assertThat(service.person(member, me.id(), AnalyticsFilter.defaults()).person().id()).isEqualTo(me.id());
    String other = fx.people.stream().map(Person::id).filter(id -> !id.equals(me.id())).findFirst().orElseThrow();
    assertThatThrownBy(() -> service.person(member, other, AnalyticsFilter.defaults())).isInstanceOf(java.util.NoSuchElementException.class).hasMessage("no person with id '" + other + "'");
    Viewer manager = Viewer.forPerson("boss", me.manager(), chart, 5);
    int before = audit.size();
    var page = service.person(manager, me.id(), AnalyticsFilter.defaults());
    assertThat(page.totals().tokens().total()).isPositive();
    assertThat(page.recentSessions()).isNotEmpty();
    assertThat(audit.subList(before, audit.size())).anyMatch(e -> e.person().equals(me.id()) && e.viewer().equals("boss"));
    assertThatThrownBy(() -> service.unattributed(member, AnalyticsFilter.defaults(), 10)).isInstanceOf(NotVisibleException.class);
    assertThat(service.unattributed(admin(), AnalyticsFilter.defaults(), 10).identities()).isNotEmpty();
  }

  @Test
  void aMemberSeesTheirOwnToolAndModelMix() {
    Person me = someMember();
    Viewer member = Viewer.member("me", me.id(), 5);
    var page = service.person(member, me.id(), AnalyticsFilter.builder().from(END.minusDays(41)).to(END).build());
    assertThat(page.tools()).isNotEmpty().noneMatch(io.tokenmaxx.analyze.page.MixRow::suppressed);
    assertThat(page.models()).isNotEmpty().noneMatch(io.tokenmaxx.analyze.page.MixRow::suppressed);
    assertThat(page.tools().stream().mapToLong(io.tokenmaxx.analyze.page.MixRow::tokens).sum())
        .isEqualTo(page.totals().tokens().total());
  }

  @Test
  void spendAndUsagePages() {
    SpendPage s = service.spend(admin(), AnalyticsFilter.defaults());
    assertThat(s.total().current()).isPositive();
    assertThat(s.cacheSavings().saved()).isPositive();
    assertThat(s.cacheSavings().unpricedModels()).contains("llama-3.3-70b-internal").doesNotContain("claude-sonnet-4-6");
    assertThat(s.forecast().forecast()).isGreaterThanOrEqualTo(s.forecast().monthToDate());
    assertThat(s.loadedCost().people().count()).isPositive();
    assertThat(s.byModel().stream().map(m -> m.cost() == null ? BigDecimal.ZERO : m.cost()).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(s.total().current());
    UsagePage u = service.usage(admin(), AnalyticsFilter.defaults());
    assertThat(u.categories()).extracting(m -> m.key()).contains("coding-agent", "chat");
    assertThat(u.heatmap()).isNotEmpty();
    assertThat(u.sessions().sessions()).isPositive();
    var team = service.team(admin(), someMember().team(), AnalyticsFilter.defaults());
    assertThat(team.members()).isNotEmpty();
    var adoption = service.adoption(admin(), AnalyticsFilter.builder().from(END.minusWeeks(6).plusDays(1)).to(END).build());
    assertThat(adoption.depth()).isNotEmpty();
    assertThat(adoption.retention()).isNotEmpty();
    assertThat(adoption.timeToFirstUse().joiners()).isGreaterThanOrEqualTo(0);
    assertThat(Set.of(adoption.settings().lightDays(), adoption.settings().heavyDays())).contains("1", "4+");
  }
}
