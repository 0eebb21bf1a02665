package io.tokenmaxx.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.identity.Person;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import io.tokenmaxx.analyze.OrgChart;
import io.tokenmaxx.analyze.Viewer;
import org.junit.jupiter.api.Test;

class ReaderTest {
  static CheckIn by(String person, String team, Visibility v) {
    return new CheckIn("id-" + person + v, person, LocalDate.of(2026, 3, 2), "t", "", "", "", null, null, null, null, v,
        team, "Eng", Instant.EPOCH, Instant.EPOCH);
  }

  static Person p(String id, String team, String manager) {
    return new Person(id, null, id, team, "Eng", manager, null, null, null);
  }

  static final List<Person> PEOPLE = List.of(p("ceo", "Lead", null), p("mgr", "Payments", "ceo"),
      p("dev", "Payments", "mgr"), p("dev2", "Payments", "mgr"), p("other", "Mobile", "ceo"));

  /** Readers as the server makes them: from the analytics viewer of each person. */
  static final class Chart {
    final OrgChart chart = OrgChart.of(PEOPLE);

    Reader reader(String person, boolean admin) {
      if (admin) return Reader.of(Viewer.admin("t", person, 5), null);
      String team = PEOPLE.stream().filter(x -> x.id().equals(person)).findFirst().map(Person::team).orElse(null);
      return Reader.of(Viewer.forPerson("t", person, chart, 5), team);
    }
  }

  final Chart chart = new Chart();

  @Test
  void teamVisibilityMeansTeamManagersAndAdmins() {
    CheckIn team = by("dev", "Payments", Visibility.TEAM);
    assertThat(chart.reader("dev", false).canRead(team)).isTrue();
    assertThat(chart.reader("dev2", false).canRead(team)).isTrue();
    assertThat(chart.reader("mgr", false).canRead(team)).isTrue();
    assertThat(chart.reader("ceo", false).canRead(team)).as("manager's manager").isTrue();
    assertThat(chart.reader("other", false).canRead(team)).isFalse();
    assertThat(chart.reader(null, true).canRead(team)).isTrue();
  }

  @Test
  void privateIsTheAuthorsOnlyAndOrganizationIsEveryones() {
    CheckIn priv = by("dev", "Payments", Visibility.PRIVATE);
    assertThat(chart.reader("dev", false).canRead(priv)).isTrue();
    assertThat(chart.reader("mgr", false).canRead(priv)).isFalse();
    assertThat(chart.reader(null, true).canRead(priv)).isFalse();
    assertThat(chart.reader("other", false).canRead(by("dev", "Payments", Visibility.ORGANIZATION))).isTrue();
  }

  @Test
  void reportsAreTheViewersSubtreeWithoutThemselves() {
    assertThat(chart.reader("ceo", false).reports()).containsExactlyInAnyOrder("mgr", "dev", "dev2", "other");
    assertThat(chart.reader("dev", false).reports()).isEqualTo(Set.of());
  }
}
