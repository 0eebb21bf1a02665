package io.tokenmaxx.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckinRulesTest {
  static final LocalDate W = LocalDate.of(2026, 3, 2);
  static final Instant T0 = Instant.parse("2026-03-05T15:00:00Z");

  static CheckinDraft draft(String tried, List<String> tags) {
    return new CheckinDraft(tried, null, null, null, tags, null, null, null, null);
  }

  @Test
  void firstSubmissionNormalizesAndDefaultsToTeam() {
    CheckIn c = CheckinRules.apply(null, new CheckinDraft("  tried X\r\nthen Y \u0007", "it worked", null, "", List.of("#Code Review", "code-review", " SQL "),
        List.of("Claude-Code"), 90, List.of("https://git.example.com/pr/1"), null), "id1", "p1", W, "Payments", "Engineering", T0);
    assertThat(c.tried()).isEqualTo("tried X\nthen Y");
    assertThat(c.tags()).containsExactly("code-review", "sql");
    assertThat(c.tools()).containsExactly("claude-code");
    assertThat(c.visibility()).isEqualTo(Visibility.TEAM);
    assertThat(c.team()).isEqualTo("Payments");
    assertThat(c.created()).isEqualTo(T0);
  }

  @Test
  void bidirectionalOverridesAreStrippedAndRightToLeftTextKept() {
    // "txt.exe" shown as "exe.txt" by a right-to-left override; embeddings and isolates too.
    CheckIn c = CheckinRules.apply(null, new CheckinDraft("open invoice\u202Etxt.exe\u202C now \u2066x\u2069 \u202Ay\u202B",
        "\u05e9\u05dc\u05d5\u05dd works", null, "", List.of(), List.of(), null, List.of(), null), "id1", "p1", W, "T", "D", T0);
    assertThat(c.tried()).isEqualTo("open invoicetxt.exe now x y");
    assertThat(c.worked()).isEqualTo("\u05e9\u05dc\u05d5\u05dd works");
  }

  @Test
  void anEditKeepsWhatItDoesNotChange() {
    CheckIn first = CheckinRules.apply(null, new CheckinDraft("a", "b", "c", "d", List.of("x"), List.of("codex"), 30,
        List.of(), Visibility.ORGANIZATION), "id1", "p1", W, "T", "D", T0);
    Instant later = T0.plusSeconds(3600);
    CheckIn edited = CheckinRules.apply(first, new CheckinDraft(null, "better", null, null, null, null, null, null, null),
        "ignored", "p1", W, "Other team", "Other dept", later);
    assertThat(edited.id()).isEqualTo("id1");
    assertThat(edited.worked()).isEqualTo("better");
    assertThat(edited.tried()).isEqualTo("a");
    assertThat(edited.tags()).containsExactly("x");
    assertThat(edited.minutesSaved()).isEqualTo(30);
    assertThat(edited.visibility()).isEqualTo(Visibility.ORGANIZATION);
    assertThat(edited.team()).isEqualTo("T");
    assertThat(edited.created()).isEqualTo(T0);
    assertThat(edited.updated()).isEqualTo(later);
  }

  @Test
  void aWholeFormReplacesEveryFieldIncludingClearedOnes() {
    CheckIn first = CheckinRules.apply(null, new CheckinDraft("a", "b", "c", "d", List.of("x"), List.of("codex"), 30,
        List.of("https://e.com"), Visibility.ORGANIZATION), "id1", "p1", W, "T", "D", T0);
    CheckIn replaced = CheckinRules.apply(first, new CheckinDraft("a2", null, null, null, null, null, null, null,
        Visibility.PRIVATE).replacingAll(), "x", "p1", W, "T", "D", T0.plusSeconds(1));
    assertThat(replaced.tried()).isEqualTo("a2");
    assertThat(replaced.worked()).isEmpty();
    assertThat(replaced.tags()).isEmpty();
    assertThat(replaced.minutesSaved()).isNull();
    assertThat(replaced.links()).isEmpty();
    assertThat(replaced.visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(replaced.created()).isEqualTo(T0);
    assertThat(replaced.id()).isEqualTo("id1");
  }

  @Test
  void errorsNameTheField() {
    assertThatThrownBy(() -> CheckinRules.apply(null, draft("", null), "i", "p", W, null, null, T0))
        .hasMessageStartingWith("tried:");
    assertThatThrownBy(() -> CheckinRules.apply(null, draft("x", List.of("ok", "<script>")), "i", "p", W, null, null, T0))
        .hasMessageStartingWith("tags[1]:");
    assertThatThrownBy(() -> CheckinRules.apply(null, draft("x".repeat(CheckinRules.MAX_TEXT + 1), null), "i", "p", W, null, null, T0))
        .hasMessageStartingWith("tried: at most");
    assertThatThrownBy(() -> CheckinRules.apply(null, new CheckinDraft("x", null, null, null, null, null, -5, null, null),
        "i", "p", W, null, null, T0)).hasMessageStartingWith("minutesSaved:");
    assertThatThrownBy(() -> CheckinRules.apply(null, new CheckinDraft("x", null, null, null, null, null, null,
        List.of("javascript:alert(1)"), null), "i", "p", W, null, null, T0)).hasMessageStartingWith("links[0]:");
    String[] many = new String[CheckinRules.MAX_TAGS + 1];
    Arrays.setAll(many, i -> "t" + i);
    assertThatThrownBy(() -> CheckinRules.apply(null, draft("x", List.of(many)), "i", "p", W, null, null, T0))
        .hasMessageStartingWith("tags: at most");
  }

  @Test
  void highlightMarksNeverEnterStoredText() {
    CheckIn c = CheckinRules.apply(null, draft("a" + CheckinSearch.MARK_START + "b" + CheckinSearch.MARK_END, null),
        "i", "p", W, null, null, T0);
    assertThat(c.tried()).isEqualTo("ab");
  }
}
