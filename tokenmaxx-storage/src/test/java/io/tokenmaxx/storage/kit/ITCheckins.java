package io.tokenmaxx.storage.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.checkin.CheckIn;
import io.tokenmaxx.checkin.CheckinFilter;
import io.tokenmaxx.checkin.CheckinStore;
import io.tokenmaxx.checkin.Reader;
import io.tokenmaxx.checkin.Visibility;
import io.tokenmaxx.demo.DemoCheckins;
import io.tokenmaxx.demo.DemoOrganization;
import io.tokenmaxx.demo.DemoSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Check-ins: round trip, edits, the reading rule in SQL against {@link Reader#canRead}, filters. */
public abstract class ITCheckins extends StorageTest {
  static final LocalDate W = LocalDate.of(2026, 3, 2);
  static final Instant T = Instant.parse("2026-03-06T16:00:00.123456Z");

  static CheckIn checkin(String id, String person, LocalDate week, Visibility v, String team, List<String> tags) {
    return new CheckIn(id, person, week, "tried <b>bold</b> & \"quotes\" — ünïcödé", "worked\nwell", "", "learned *this*",
        tags, List.of("claude-code"), 45, List.of("https://example.com/a?b=c&d=e"), v, team, "Engineering", T, T);
  }

  CheckinStore store() {
    return storage.checkins();
  }

  @Test
  void roundTripsEveryFieldAndEditsInPlace() {
    CheckIn c = checkin("ci_1", "p1", W, Visibility.TEAM, "Payments", List.of("sql", "code-review"));
    assertThat(store().save(c)).isEqualTo(c);
    assertThat(store().get("ci_1")).contains(c);
    CheckIn noSaved = new CheckIn("ci_1", "p1", W, "t", "", "", "", List.of("sql"), List.of(), null, List.of(),
        Visibility.PRIVATE, "Payments", "Engineering", T, T.plusSeconds(60));
    // a second save for the same person and week replaces it (and keeps the stored id)
    CheckIn other = new CheckIn("ci_other", noSaved.person(), W, noSaved.tried(), "", "", "", noSaved.tags(),
        noSaved.tools(), null, List.of(), Visibility.PRIVATE, "Payments", "Engineering", T, T.plusSeconds(60));
    CheckIn stored = store().save(other);
    assertThat(stored.id()).isEqualTo("ci_1");
    assertThat(stored.minutesSaved()).isNull();
    assertThat(stored.visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(store().count()).isEqualTo(1);
    assertThat(store().firstSeen(false)).containsOnlyKeys("sql");
    assertThat(store().firstSeen(true)).isEmpty();
  }

  @Test
  void listingAppliesTheReadingRuleInTheQuery() {
    SplittableRandom rnd = new SplittableRandom(17);
    String[] people = {"ceo", "mgr", "dev1", "dev2", "ops1", "ops2"};
    String[] teams = {"Lead", "Payments", "Payments", "Payments", "Ops", "Ops"};
    List<CheckIn> all = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      int p = rnd.nextInt(people.length);
      LocalDate week = W.minusWeeks(i / people.length);
      Visibility v = Visibility.values()[rnd.nextInt(3)];
      all.add(checkin("ci_" + i, people[p], week, v, teams[p], List.of("t" + rnd.nextInt(4))));
    }
    store().saveAll(all);
    List<CheckIn> stored = new ArrayList<>();
    store().forEach(stored::add);
    assertThat(stored).hasSize((int) store().count());
    List<Reader> readers = List.of(
        new Reader("dev1", false, "Payments", Set.of()),
        new Reader("ops2", false, "Ops", Set.of()),
        new Reader("mgr", false, "Payments", Set.of("dev1", "dev2")),
        new Reader("ceo", false, "Lead", Set.of("mgr", "dev1", "dev2", "ops1", "ops2")),
        new Reader(null, true, null, Set.of()),
        new Reader("nobody", false, null, Set.of()));
    for (Reader r : readers) {
      List<CheckIn> got = store().list(CheckinFilter.all(1000), r);
      Set<String> expected = stored.stream().filter(r::canRead).map(CheckIn::id).collect(Collectors.toSet());
      assertThat(got).extracting(CheckIn::id).as("reader %s", r).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(got).isSortedAccordingTo(Comparator.comparing(CheckIn::week).reversed());
    }
  }

  @Test
  void filtersByTeamTagToolWeeksAndPages() {
    store().saveAll(List.of(
        checkin("a", "p1", W, Visibility.ORGANIZATION, "Payments", List.of("sql")),
        checkin("b", "p2", W, Visibility.ORGANIZATION, "Mobile", List.of("testing")),
        checkin("c", "p1", W.minusWeeks(1), Visibility.ORGANIZATION, "Payments", List.of("sql", "testing")),
        checkin("d", "p3", W.minusWeeks(2), Visibility.ORGANIZATION, "Mobile", List.of())));
    Reader any = new Reader("x", false, null, Set.of());
    assertThat(store().list(new CheckinFilter(null, Set.of("Payments"), null, null, null, null, null, 10, 0), any))
        .extracting(CheckIn::id).containsExactly("a", "c");
    assertThat(store().list(new CheckinFilter(null, null, null, "testing", null, null, null, 10, 0), any))
        .extracting(CheckIn::id).containsExactly("b", "c");
    assertThat(store().list(new CheckinFilter(null, null, null, null, "Claude Code", W.minusWeeks(1), W, 10, 0), any))
        .extracting(CheckIn::id).containsExactly("c");
    assertThat(store().list(new CheckinFilter(Set.of("p1", "p3"), null, Set.of("Engineering"), null, null, null, null, 1, 1), any))
        .extracting(CheckIn::id).containsExactly("c");
    assertThat(store().byPerson("p1")).extracting(CheckIn::id).containsExactly("c", "a");
    assertThat(store().participation(W.minusWeeks(1), W.plusWeeks(1))).containsOnlyKeys("p1", "p2");
    assertThat(store().firstSeen(false)).containsEntry("sql", W.minusWeeks(1)).containsEntry("testing", W.minusWeeks(1));
  }

  @Test
  void demoCheckInsLoadInOneGo() {
    DemoSpec spec = DemoSpec.of(3, 60, 4, LocalDate.of(2026, 6, 26));
    List<CheckIn> demo = DemoCheckins.generate(DemoOrganization.generate(spec), spec);
    store().saveAll(demo);
    assertThat(store().count()).isEqualTo(demo.size());
    CheckIn one = demo.get(demo.size() / 2);
    assertThat(store().find(one.person(), one.week())).contains(one);
  }
}
