package io.tokenmaxx.storage.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.guard.FlagFilter;
import io.tokenmaxx.guard.FlagStore;
import io.tokenmaxx.guard.GuardFlag;
import io.tokenmaxx.guard.Signal;
import io.tokenmaxx.guard.SignalHit;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Flags: a detection run replaces open flags of its range, reviews survive, evidence round-trips. */
public abstract class ITFlags extends StorageTest {
  static final LocalDate W = LocalDate.of(2026, 3, 2);
  static final Instant T = Instant.parse("2026-03-09T06:00:00Z");

  static GuardFlag flag(String person, LocalDate week, double score) {
    return new GuardFlag(person, week, score, List.of(new SignalHit(Signal.MACHINE_CADENCE, 1.0,
        "400 gaps vary by only 1.0% <script>", Map.of("gapCv", 0.01, "gaps", 400))),
        Map.of("tokens", 123456789, "checkedIn", false), T, GuardFlag.Status.OPEN, null, null, null);
  }

  FlagStore flags() {
    return storage.flags();
  }

  @Test
  void aRunReplacesOpenFlagsAndKeepsReviews() {
    FlagStore.Update first = flags().replace(W, W.plusWeeks(2),
        List.of(flag("a", W, 1), flag("b", W, 2), flag("c", W.plusWeeks(1), 1)));
    assertThat(first).isEqualTo(new FlagStore.Update(3, 0, 0));
    GuardFlag stored = flags().get("b", W).orElseThrow();
    assertThat(stored.signals()).hasSize(1);
    assertThat(stored.signals().getFirst().summary()).isEqualTo("400 gaps vary by only 1.0% <script>");
    assertThat(stored.signals().getFirst().evidence()).containsEntry("gaps", 400);
    assertThat(stored.measures()).containsEntry("tokens", 123456789);
    assertThat(stored.detectedAt()).isEqualTo(T);

    assertThat(flags().review("b", W, GuardFlag.Status.DISMISSED, "admin@example.com", "batch migration, agreed", T.plusSeconds(5))).isTrue();
    assertThat(flags().review("zz", W, GuardFlag.Status.DISMISSED, "x", "y", T)).isFalse();

    // the next run raises only a again: b stays dismissed, c (open, not raised) goes
    FlagStore.Update second = flags().replace(W, W.plusWeeks(2), List.of(flag("a", W, 3)));
    assertThat(second).isEqualTo(new FlagStore.Update(0, 1, 1));
    assertThat(flags().list(FlagFilter.all())).extracting(GuardFlag::person).containsExactly("a", "b");
    GuardFlag b = flags().get("b", W).orElseThrow();
    assertThat(b.status()).isEqualTo(GuardFlag.Status.DISMISSED);
    assertThat(b.reason()).isEqualTo("batch migration, agreed");
    assertThat(b.reviewedBy()).isEqualTo("admin@example.com");
    assertThat(b.reviewedAt()).isEqualTo(T.plusSeconds(5));
    assertThat(flags().get("a", W).orElseThrow().score()).isEqualTo(3);
    // raising a dismissed flag again keeps it dismissed but updates its evidence
    flags().replace(W, W.plusWeeks(1), List.of(flag("b", W, 5)));
    assertThat(flags().get("b", W).orElseThrow()).satisfies(f -> {
      assertThat(f.status()).isEqualTo(GuardFlag.Status.DISMISSED);
      assertThat(f.score()).isEqualTo(5);
    });
  }

  @Test
  void listFilters() {
    flags().replace(W.minusWeeks(1), W.plusWeeks(1), List.of(flag("a", W, 1), flag("b", W.minusWeeks(1), 1)));
    flags().review("a", W, GuardFlag.Status.DISMISSED, "x", "ok", T);
    assertThat(flags().list(new FlagFilter(W, null, null, null))).extracting(GuardFlag::person).containsExactly("a");
    assertThat(flags().list(new FlagFilter(null, null, GuardFlag.Status.OPEN, null))).extracting(GuardFlag::person).containsExactly("b");
    assertThat(flags().list(new FlagFilter(null, null, null, Set.of("b")))).hasSize(1);
  }
}
