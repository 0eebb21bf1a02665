package io.tokenmaxx.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.analyze.page.MixRow;
import io.tokenmaxx.analyze.page.SpendPage;
import io.tokenmaxx.analyze.page.TeamPage;
import io.tokenmaxx.analyze.page.UsagePage;
import io.tokenmaxx.analyze.store.ReferenceAnalyticsStore;
import io.tokenmaxx.identity.Department;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.identity.Team;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The disclosure rules on a small organization built by hand: team "big" (the member and 7 others),
 * team "four" (4 people, the only users of the API), team "solo" (1 person, the only chat user), and
 * engineers of "big" who alone use codex (1), gemini-cli (1 more) and opencode (3 more).
 */
class DisclosureTest {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 13); // a Friday
  static final String MEMBER = "big0";

  static List<Person> people() {
    List<Person> out = new ArrayList<>();
    for (int i = 0; i < 8; i++) out.add(new Person("big" + i, "big" + i + "@x", "Big " + i, "big", "eng", null, null, null, null));
    for (int i = 0; i < 4; i++) out.add(new Person("four" + i, "four" + i + "@x", "Four " + i, "four", "eng", null, null, null, null));
    out.add(new Person("solo0", "solo@x", "Solo", "solo", "exec", null, null, null, null));
    return out;
  }

  static List<UsageRecord> usage(boolean selfSent) {
    List<UsageRecord> out = new ArrayList<>();
    int n = 0;
    for (LocalDate d = TODAY.minusDays(34); !d.isAfter(TODAY); d = d.plusDays(1)) {
      if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) continue;
      for (Person p : people()) {
        out.add(record("r" + n++, d, p.id(), "claude-code", 1000 + n));
        if (p.team().equals("four")) out.add(record("r" + n++, d, p.id(), "api", 700 + n));
        if (p.team().equals("solo")) out.add(record("r" + n++, d, p.id(), "chat", 300 + n));
        if (p.id().equals("big1")) out.add(record("r" + n++, d, p.id(), "codex", 500 + n));
        if (p.id().equals("big2")) out.add(record("r" + n++, d, p.id(), "gemini-cli", 400 + n));
        if (Set.of("big3", "big4", "big5").contains(p.id())) out.add(record("r" + n++, d, p.id(), "opencode", 200 + n));
      }
      // The member's own small records under the API and chat: they must not lift anything.
      if (selfSent) {
        out.add(record("self-api-" + d, d, MEMBER, "api", 15));
        out.add(record("self-chat-" + d, d, MEMBER, "chat", 15));
      }
    }
    return out;
  }

  static UsageRecord record(String id, LocalDate day, String person, String tool, long input) {
    return UsageRecord.builder().id(id).timestamp(day.atTime(11, 0).toInstant(ZoneOffset.UTC)).source("test").tool(tool)
        .provider("anthropic").model("claude-sonnet-4-6").person(person).identity(RawIdentity.email(person + "@x"))
        .inputTokens(input).outputTokens(10).requests(1).build();
  }

  static AnalyticsService service(boolean selfSent) {
    List<Person> ps = people();
    return AnalyticsService.builder()
        .store(new ReferenceAnalyticsStore(usage(selfSent), List.of(), ps))
        .directory(new InMemoryDirectory(ps, List.of(new Team("big", "Big", "eng"), new Team("four", "Four", "eng"),
            new Team("solo", "Solo", "exec")), List.of(new Department("eng", "Engineering"), new Department("exec", "Executive"))))
        .settings(AnalyticsSettings.defaults(ZoneOffset.UTC))
        .pseudonyms(new Pseudonyms("a test secret of enough bytes".getBytes()))
        .executor(Runnable::run)
        .clock(Clock.fixed(TODAY.atTime(15, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
        .build();
  }

  static Viewer member() {
    return Viewer.member("member", MEMBER, 5);
  }

  static Map<String, MixRow> byKey(List<MixRow> rows) {
    return rows.stream().collect(Collectors.toMap(r -> String.valueOf(r.key()), Function.identity()));
  }

  @Test
  void smallGroupsAndTheNextSmallestAreHiddenSoNoTotalMinusShownRowsIsolatesThem() {
    AnalyticsService s = service(false);
    UsagePage usage = s.usage(member(), AnalyticsFilter.defaults());
    Map<String, MixRow> tools = byKey(usage.tools());
    // api (4 people), chat (1), codex (1), gemini-cli (1) and opencode (3) are hidden.
    assertThat(tools.get("api").suppressed()).isTrue();
    assertThat(tools.get("chat").suppressed()).isTrue();
    assertThat(tools.get("codex").suppressed()).isTrue();
    assertThat(tools.get("gemini-cli").suppressed()).isTrue();
    assertThat(tools.get("claude-code").suppressed()).isFalse();

    SpendPage spend = s.spend(member(), AnalyticsFilter.defaults());
    Map<String, MixRow> teams = byKey(spend.byTeam());
    // solo (1) is hidden; four (4) is hidden too: solo alone would be the total minus the others.
    assertThat(teams.get("solo").suppressed()).isTrue();
    assertThat(teams.get("four").suppressed()).isTrue();
    assertThat(teams.get("big").suppressed()).isFalse();

    // Departments: exec (1) is hidden, and with only eng left, eng too (the total minus eng is exec).
    assertThat(s.overview(member(), AnalyticsFilter.defaults()).adoptionByDepartment())
        .allMatch(io.tokenmaxx.analyze.page.GroupAdoption::suppressed);

    // An admin sees every row.
    assertThat(s.usage(Viewer.admin("admin", null, 5), AnalyticsFilter.defaults()).tools()).noneMatch(MixRow::suppressed);
  }

  @Test
  void theMembersOwnRecordsDoNotLiftAGroupOverK() {
    AnalyticsService s = service(true);
    Map<String, MixRow> tools = byKey(s.usage(member(), AnalyticsFilter.defaults()).tools());
    assertThat(tools.get("api").people()).as("4 people of four and the member").isNull();
    assertThat(tools.get("api").suppressed()).isTrue();
    assertThat(tools.get("chat").suppressed()).isTrue();
  }

  @Test
  void filtersReachOnlyRowsTheBreakdownShows() {
    AnalyticsService s = service(false);
    assertThat(s.overview(member(), AnalyticsFilter.builder().tool("api").build()).tokens().current())
        .as("overview?tool=api: a hidden row of the tool table").isNull();
    assertThat(s.overview(member(), AnalyticsFilter.builder().department("exec").build()).suppressed()).isTrue();
    assertThat(s.usage(member(), AnalyticsFilter.builder().department("eng").tool("codex").build()).suppressed()).isTrue();
    assertThat(s.usage(member(), AnalyticsFilter.builder().tool("claude-code").build()).suppressed()).isFalse();
  }

  @Test
  void aSmallTeamsPageAndItsSeriesAreHiddenAndOtherSeriesAreWeeklyWithoutHiddenTools() {
    AnalyticsService s = service(false);
    assertThat(s.team(member(), "four", AnalyticsFilter.defaults()).suppressed()).isTrue();
    TeamPage big = s.team(member(), "big", AnalyticsFilter.defaults());
    assertThat(big.suppressed()).isFalse();
    Set<String> hiddenTools = big.tools().stream().filter(MixRow::suppressed).map(MixRow::key).collect(Collectors.toSet());
    assertThat(hiddenTools).containsExactlyInAnyOrder("codex", "gemini-cli", "opencode");
    assertThat(big.daily()).isNotEmpty().allSatisfy(d -> {
      assertThat(d.date().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
      assertThat(hiddenTools).doesNotContain(d.tool());
    });
    // The team's manager-free admin view keeps days.
    TeamPage asAdmin = s.team(Viewer.admin("admin", null, 5), "big", AnalyticsFilter.defaults());
    assertThat(asAdmin.daily()).anyMatch(d -> d.date().getDayOfWeek() != DayOfWeek.MONDAY);
  }

  @Test
  void rangesAreWholeWeeksInTheOrganizationsZone() {
    AnalyticsService s = service(false);
    var page = s.overview(member(), AnalyticsFilter.builder().from(TODAY.minusDays(9)).to(TODAY.minusDays(3))
        .zone(java.time.ZoneId.of("Asia/Tokyo")).build());
    assertThat(page.period().from()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(page.period().to()).as("the week's end, but not after today").isEqualTo(TODAY);
    assertThat(page.period().zone()).isEqualTo("Z");
    assertThat(page.period().previousFrom()).isEqualTo(LocalDate.of(2026, 2, 16));
  }
}
