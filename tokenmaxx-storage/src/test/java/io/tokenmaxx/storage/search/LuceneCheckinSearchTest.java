package io.tokenmaxx.storage.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.checkin.CheckIn;
import io.tokenmaxx.checkin.CheckinSearch;
import io.tokenmaxx.checkin.CheckinSearch.FacetCount;
import io.tokenmaxx.checkin.Reader;
import io.tokenmaxx.checkin.Visibility;
import io.tokenmaxx.storage.StorageComponent;
import io.tokenmaxx.storage.duckdb.DuckDbStorage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LuceneCheckinSearchTest {
  static final LocalDate W = LocalDate.of(2026, 3, 2);
  final LuceneCheckinSearch search = LuceneCheckinSearch.inMemory();

  @AfterEach
  void close() {
    search.close();
  }

  static CheckIn c(String id, String person, String team, String dept, LocalDate week, Visibility v, String worked,
      List<String> tags, List<String> tools) {
    return new CheckIn(id, person, week, "tried things", worked, "", "", tags, tools, null, List.of(), v, team, dept,
        Instant.EPOCH, Instant.EPOCH);
  }

  static final String[] PEOPLE = {"ceo", "mgr", "dev1", "dev2", "ops1", "ops2"};
  static final String[] TEAMS = {"Lead", "Payments", "Payments", "Payments", "Ops", "Ops"};
  static final String[] WORDS = {"migration", "tests", "refactoring", "summaries", "invoices", "dashboards"};
  static final List<Reader> READERS = List.of(
      new Reader("dev1", false, "Payments", Set.of()),
      new Reader("ops2", false, "Ops", Set.of()),
      new Reader("mgr", false, "Payments", Set.of("dev1", "dev2")),
      new Reader("ceo", false, "Lead", Set.of("mgr", "dev1", "dev2", "ops1", "ops2")),
      new Reader(null, true, null, Set.of()),
      new Reader(null, false, null, Set.of()),
      new Reader("stranger", false, null, Set.of()));

  List<CheckIn> random(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<CheckIn> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int p = rnd.nextInt(PEOPLE.length);
      all.add(c("ci_" + i, PEOPLE[p], TEAMS[p], p >= 4 ? "Operations" : "Engineering", W.minusWeeks(rnd.nextInt(6)),
          Visibility.values()[rnd.nextInt(3)], "the " + WORDS[rnd.nextInt(WORDS.length)] + " went well",
          List.of("t" + rnd.nextInt(3)), rnd.nextBoolean() ? List.of("codex") : List.of("claude-code", "chat")));
    }
    return all;
  }

  @Test
  void everyReaderFindsExactlyWhatTheyMayReadWithMatchingFacets() {
    List<CheckIn> all = random(300, 7);
    search.indexAll(all);
    assertThat(search.size()).isEqualTo(300);
    for (Reader r : READERS) {
      List<CheckIn> readable = all.stream().filter(r::canRead).toList();
      CheckinSearch.Result res = search.search(CheckinSearch.Query.text("", 500), r);
      assertThat(res.total()).as("total for %s", r).isEqualTo(readable.size());
      assertThat(res.hits()).extracting(CheckinSearch.Hit::id).as("hits for %s", r)
          .containsExactlyInAnyOrderElementsOf(readable.stream().map(CheckIn::id).toList());
      Map<String, Long> tags = new TreeMap<>();
      readable.forEach(c -> c.tags().forEach(t -> tags.merge(t, 1L, Long::sum)));
      assertThat(res.facets().get("tag").stream().collect(Collectors.toMap(FacetCount::value, FacetCount::count)))
          .as("tag facet for %s", r).isEqualTo(tags);
      // and with a text query: the readable ones that mention it
      long migrations = readable.stream().filter(c -> c.worked().contains("migration")).count();
      assertThat(search.search(CheckinSearch.Query.text("migrations", 500), r).total()).isEqualTo(migrations);
    }
  }

  @Test
  void textIsStemmedHighlightedAndNeverAParseError() {
    search.indexAll(List.of(
        c("a", "p", "T", "D", W, Visibility.ORGANIZATION, "Migrated <script>alert(1)</script> the billing tests", List.of("migration"), List.of()),
        c("b", "p", "T", "D", W, Visibility.ORGANIZATION, "nothing relevant", List.of("sql"), List.of()),
        c("c", "p", "T", "D", W, Visibility.ORGANIZATION, "testing went badly", List.of(), List.of())));
    Reader r = new Reader("x", false, null, Set.of());
    CheckinSearch.Result res = search.search(CheckinSearch.Query.text("billing test", 10), r);
    assertThat(res.hits()).extracting(CheckinSearch.Hit::id).containsExactly("a");
    String fragment = res.hits().getFirst().fragments().get("worked");
    assertThat(fragment).isEqualTo("Migrated <script>alert(1)</script> the " + CheckinSearch.MARK_START + "billing"
        + CheckinSearch.MARK_END + " " + CheckinSearch.MARK_START + "tests" + CheckinSearch.MARK_END);
    assertThat(search.search(CheckinSearch.Query.text("test", 10), r).hits()).extracting(CheckinSearch.Hit::id)
        .containsExactlyInAnyOrder("a", "c");
    assertThat(search.search(CheckinSearch.Query.text("test -billing", 10), r).hits()).extracting(CheckinSearch.Hit::id)
        .containsExactly("c");
    assertThat(search.search(CheckinSearch.Query.text("\"went badly\"", 10), r).hits()).extracting(CheckinSearch.Hit::id)
        .containsExactly("c");
    assertThat(search.search(CheckinSearch.Query.text("migration", 10), r).hits()).extracting(CheckinSearch.Hit::id)
        .as("tags are searched too").containsExactly("a");
    for (String odd : List.of("((( AND OR \"", "*", "-", "title:x", "\\", "+-+")) {
      assertThat(search.search(CheckinSearch.Query.text(odd, 10), r)).isNotNull();
    }
  }

  @Test
  void aLongTextIsCutToAWindowAroundTheMatch() {
    String text = "filler words here ".repeat(80) + "the needle was found " + "more filler text ".repeat(60);
    search.index(c("long", "p", "T", "D", W, Visibility.ORGANIZATION, text, List.of(), List.of()));
    String fragment = search.search(CheckinSearch.Query.text("needle", 5), new Reader(null, true, null, Set.of()))
        .hits().getFirst().fragments().get("worked");
    assertThat(fragment).startsWith("… ").endsWith(" …")
        .contains(CheckinSearch.MARK_START + "needle" + CheckinSearch.MARK_END);
    assertThat(fragment.length()).isLessThan(MarkFormatter.WINDOW + 20);
  }

  @Test
  void filtersNarrowAndAnEditTakesEffectAtOnce() {
    List<CheckIn> all = random(120, 3);
    search.indexAll(all);
    Reader admin = new Reader(null, true, null, Set.of());
    CheckinSearch.Query q = new CheckinSearch.Query("", Set.of("t1"), Set.of("codex"), Set.of("Operations"), null, null,
        W.minusWeeks(2), W, 500);
    List<String> expected = all.stream().filter(admin::canRead)
        .filter(c -> c.tags().contains("t1") && c.tools().contains("codex") && c.department().equals("Operations"))
        .filter(c -> !c.week().isBefore(W.minusWeeks(2)) && c.week().isBefore(W)).map(CheckIn::id).toList();
    assertThat(search.search(q, admin).hits()).extracting(CheckinSearch.Hit::id).containsExactlyInAnyOrderElementsOf(expected);

    CheckIn open = c("z", "dev1", "Payments", "Engineering", W, Visibility.ORGANIZATION, "unique zebra words", List.of(), List.of());
    search.index(open);
    Reader other = new Reader("ops1", false, "Ops", Set.of());
    assertThat(search.search(CheckinSearch.Query.text("zebra", 10), other).total()).isEqualTo(1);
    search.index(c("z", "dev1", "Payments", "Engineering", W, Visibility.PRIVATE, "unique zebra words", List.of(), List.of()));
    assertThat(search.search(CheckinSearch.Query.text("zebra", 10), other).total()).isZero();
    assertThat(search.search(CheckinSearch.Query.text("zebra", 10), new Reader("dev1", false, "Payments", Set.of())).total()).isEqualTo(1);
    assertThat(search.size()).isEqualTo(121);
  }

  @Test
  void rebuildsFromTheStore() {
    try (StorageComponent storage = DuckDbStorage.builder().inMemory().build()) {
      List<CheckIn> all = random(50, 11);
      storage.checkins().saveAll(all);
      search.index(c("stale", "p", "T", "D", W, Visibility.ORGANIZATION, "old", List.of(), List.of()));
      long n = search.rebuild(storage.checkins());
      assertThat(n).isEqualTo(storage.checkins().count());
      assertThat(search.size()).isEqualTo(n);
      assertThat(search.search(CheckinSearch.Query.text("old", 10), new Reader(null, true, null, Set.of())).total()).isZero();
    }
  }
}
