package io.tokenmaxx.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.identity.Person;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DigestTest {
  static final LocalDate W = LocalDate.of(2026, 3, 2);

  static CheckIn c(String id, String person, String learned, String failed, List<String> tags, Integer minutes) {
    return new CheckIn(id, person, W, "tried", "", failed, learned, tags, List.of(), minutes, List.of(),
        Visibility.TEAM, "Payments", "Eng", Instant.EPOCH, Instant.EPOCH);
  }

  @Test
  void participationCountsEveryoneButQuotesOnlyReadableText() {
    List<Person> people = List.of(new Person("a", null, "Ada <Admin>", "Payments", "Eng", null, null, null, null),
        new Person("b", null, "Ben", "Payments", "Eng", null, null, null, null),
        new Person("c", null, "Cy", "Mobile", "Eng", null, null, null, null));
    List<CheckIn> readable = List.of(
        c("1", "a", "use **tests** first <b>", "it <script>alert(1)</script> failed", List.of("sql", "testing"), 120),
        c("2", "b", "", "", List.of("sql"), null));
    Digest d = DigestBuilder.build(W, readable, Set.of("a", "b", "c"), people, Map.of("sql", W.minusWeeks(3)),
        List.of(new Digest.FirstTry("c", "Cy", "Mobile", List.of("codex", "chat"))));
    assertThat(d.checkins()).isEqualTo(3);
    assertThat(d.people()).isEqualTo(3);
    assertThat(d.minutesSaved()).isEqualTo(120);
    assertThat(d.learnings()).extracting(Digest.Item::checkinId).containsExactly("1");
    assertThat(d.newUseCases()).extracting(Digest.UseCase::tag).containsExactly("testing");
    String md = DigestMarkdown.render(d);
    assertThat(md).contains("use \\*\\*tests\\*\\* first &lt;b&gt;")
        .contains("&lt;script&gt;alert\\(1\\)&lt;/script&gt;")
        .contains("Ada &lt;Admin&gt;").contains("- Cy: codex, chat")
        .doesNotContain("<script>").doesNotContain("<b>");
  }

  @Test
  void aTeamTooSmallForTheReaderIsWithheldAndSoIsTheNextSmallest() {
    List<Person> people = new java.util.ArrayList<>();
    people.add(new Person("ceo", null, "Chief", "Leadership", "Exec", null, null, null, null));
    for (int i = 0; i < 3; i++) people.add(new Person("s" + i, null, "S" + i, "Small", "Eng", null, null, null, null));
    for (int i = 0; i < 9; i++) people.add(new Person("b" + i, null, "B" + i, "Big", "Eng", null, null, null, null));
    for (int i = 0; i < 7; i++) people.add(new Person("m" + i, null, "M" + i, "Mid", "Eng", null, null, null, null));
    Set<String> participants = Set.of("ceo", "s0", "b0", "b1", "m0");
    // A member of Big reads: teammates are visible to them, everyone else counts toward k = 5.
    Digest d = DigestBuilder.build(W, List.of(), participants, people, Map.of(), List.of(),
        p -> !"Big".equals(p.team()), 5);
    Map<String, Digest.TeamParticipation> byTeam = new java.util.HashMap<>();
    d.teams().forEach(t -> byTeam.put(t.team(), t));
    assertThat(byTeam.get("Leadership").suppressed()).as("1 of 1 would say whether the chief checked in").isTrue();
    assertThat(byTeam.get("Leadership").checkedIn()).isNull();
    // Leadership (1) + Small (3) hold 4 < 5 people: Mid is withheld too, so the total minus Big gives nothing.
    assertThat(byTeam.get("Small").suppressed()).isTrue();
    assertThat(byTeam.get("Mid").suppressed()).isTrue();
    assertThat(byTeam.get("Big").suppressed()).isFalse();
    assertThat(byTeam.get("Big").checkedIn()).isEqualTo(2);
    assertThat(DigestMarkdown.render(d)).contains("| Leadership | Exec | suppressed | | |");
    // An admin (nobody counted) sees every team.
    Digest all = DigestBuilder.build(W, List.of(), participants, people, Map.of(), List.of());
    assertThat(all.teams()).noneMatch(Digest.TeamParticipation::suppressed);
  }

  @Test
  void markdownEscapesEverythingThatCouldRender() {
    assertThat(Markdown.inline("[x](javascript:alert(1)) ![i](http://e/i.png) # h | t")).isEqualTo(
        "\\[x\\]\\(javascript\\:alert\\(1\\)\\) \\!\\[i\\]\\(http\\://e/i\\.png\\) \\# h \\| t");
    assertThat(Markdown.inline("line1\nline2")).isEqualTo("line1 line2");
    assertThat(Markdown.link("https://e.com/a(b)")).isEqualTo("[https\\://e\\.com/a\\(b\\)](https://e.com/a%28b%29)");
  }

  @Test
  void exportHoldsEveryFieldEscaped() {
    String md = CheckinExport.markdown("Ada", List.of(c("1", "a", "learned _this_", "", List.of("sql"), 30)));
    assertThat(md).contains("# Check-ins of Ada").contains("## Week of 2026-03-02 (team)")
        .contains("**Learned:** learned \\_this\\_").contains("**Time saved:** 30 minutes");
  }
}
