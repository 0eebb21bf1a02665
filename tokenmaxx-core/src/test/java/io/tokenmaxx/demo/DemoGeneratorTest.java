package io.tokenmaxx.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.identity.Person;
import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoGeneratorTest {
  static final LocalDate END = LocalDate.of(2026, 11, 20);

  record Collected(List<UsageRecord> usage, List<OutcomeRecord> outcomes, Map<String, Set<LocalDate>> burns) {}

  static Collected run(DemoSpec spec) {
    DemoOrganization org = DemoOrganization.generate(spec);
    DemoActivity act = new DemoActivity(spec);
    List<UsageRecord> usage = new ArrayList<>();
    List<OutcomeRecord> outcomes = new ArrayList<>();
    Map<String, Set<LocalDate>> burns = new HashMap<>();
    DemoSink sink = new DemoSink() {
      @Override public void usage(UsageRecord r) { usage.add(r); }
      @Override public void outcome(OutcomeRecord r) { outcomes.add(r); }
    };
    for (DemoPerson p : org.people()) {
      Set<LocalDate> w = act.generate(p, sink);
      if (!w.isEmpty()) burns.put(p.id(), w);
    }
    return new Collected(usage, outcomes, burns);
  }

  @Test
  void sameSeedSameOrganizationAndRecords() {
    DemoSpec spec = DemoSpec.of(42, 120, 8, END);
    Collected a = run(spec);
    Collected b = run(spec);
    assertThat(a.usage()).isEqualTo(b.usage());
    assertThat(a.outcomes()).isEqualTo(b.outcomes());
    assertThat(DemoOrganization.generate(spec).directory())
        .isEqualTo(DemoOrganization.generate(spec).directory());
    Collected c = run(DemoSpec.of(43, 120, 8, END));
    assertThat(c.usage()).isNotEqualTo(a.usage());
  }

  @Test
  void organizationHasEveryDepartmentAManagerChainAndUniqueEmails() {
    DemoOrganization org = DemoOrganization.generate(DemoSpec.of(7, 300, 8, END));
    List<Person> people = org.directory();
    assertThat(people).hasSize(300);
    assertThat(people.stream().map(Person::department).collect(Collectors.toSet()))
        .contains("Engineering", "Marketing", "Operations", "HR", "Finance", "Sales");
    Set<String> ids = people.stream().map(Person::id).collect(Collectors.toSet());
    assertThat(people).allSatisfy(p -> {
      if (p.manager() != null) assertThat(ids).contains(p.manager());
    });
    assertThat(people.stream().filter(p -> p.manager() == null)).hasSize(1);
    assertThat(people.stream().map(Person::email).distinct()).hasSize(300);
    EnumMap<Persona, Integer> personas = new EnumMap<>(Persona.class);
    org.people().forEach(p -> personas.merge(p.persona(), 1, Integer::sum));
    assertThat(personas.keySet()).contains(Persona.NON_USER, Persona.LIGHT, Persona.REGULAR,
        Persona.POWER, Persona.EXPLORER, Persona.HEAVY_AGENT);
  }

  @Test
  void usageIsInsideTheWindowValidAndBurnersAreLabelled() {
    DemoSpec spec = new DemoSpec(11, 200, 8, END, java.time.ZoneId.of("America/New_York"), 1.0,
        0.08, java.time.DayOfWeek.FRIDAY);
    Collected c = run(spec);
    assertThat(c.usage()).isNotEmpty();
    assertThat(c.usage().stream().map(UsageRecord::id).distinct().count()).isEqualTo(c.usage().size());
    assertThat(c.outcomes().stream().map(OutcomeRecord::id).distinct().count()).isEqualTo(c.outcomes().size());
    var first = spec.startDate().minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    var last = END.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
    assertThat(c.usage()).allSatisfy(r -> {
      assertThat(r.timestamp()).isBetween(first, last);
      assertThat(r.person()).isNotNull();
      assertThat(r.totalTokens()).isPositive();
    });
    assertThat(c.burns()).isNotEmpty();
    assertThat(c.usage().stream().map(UsageRecord::tool).collect(Collectors.toSet()))
        .contains("claude-code", "codex", "gemini-cli", "chat", "api");
    assertThat(c.outcomes().stream().map(OutcomeRecord::kind).collect(Collectors.toSet()))
        .contains(OutcomeKind.COMMIT, OutcomeKind.PULL_REQUEST, OutcomeKind.ACTIVE_SECONDS_USER);
    Set<String> active = new HashSet<>();
    c.usage().forEach(r -> active.add(r.person()));
    assertThat(active.size()).isBetween(100, 190);
  }
}
