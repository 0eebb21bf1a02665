package io.tokenmaxx.server.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.collect.otlp.RecordIds;
import io.tokenmaxx.collect.otlp.Retraction;
import io.tokenmaxx.storage.UsageRetractions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Log-side retractions are let through only where metric-derived records may exist. */
class RetractionGateTest {
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final Duration WINDOW = Duration.ofDays(30);
  static final Instant SINCE = NOW.minus(WINDOW);

  /** Records which existence checks were asked; answers from a fixed set of sessions. */
  static final class Lookups implements UsageRetractions {
    final Set<String> sessionsWithMetrics;
    final List<String> asked = new ArrayList<>();

    Lookups(Set<String> sessionsWithMetrics) {
      this.sessionsWithMetrics = sessionsWithMetrics;
    }

    @Override
    public long retract(String tool, String idPrefix, String sessionId, String project, Instant since) {
      throw new AssertionError("the gate only looks");
    }

    @Override
    public boolean exists(String tool, String idPrefix, String sessionId, String project, Instant since) {
      asked.add(sessionId == null && project == null ? "*" : sessionId);
      assertThat(idPrefix).isEqualTo(RecordIds.METRIC_USAGE_PREFIX);
      return sessionId == null ? !sessionsWithMetrics.isEmpty() : sessionsWithMetrics.contains(sessionId);
    }
  }

  static Retraction session(String id) {
    return new Retraction("claude-code", id, null, RecordIds.METRIC_USAGE_PREFIX);
  }

  @Test
  void aStoreWithoutMetricRecordsIsAskedOnceAtStartAndNeverPerSession() {
    Lookups store = new Lookups(Set.of());
    RetractionGate gate = new RetractionGate(store, CLOCK, WINDOW);
    assertThat(gate.worthRetracting(session("s1"), SINCE)).isFalse();
    assertThat(gate.worthRetracting(session("s2"), SINCE)).isFalse();
    assertThat(store.asked).containsExactly("*");

    gate.metricsStoring(List.of(session("s2")));  // this process now stores metrics for s2
    assertThat(gate.worthRetracting(session("s2"), SINCE)).isTrue();
    assertThat(gate.worthRetracting(session("s1"), SINCE)).isFalse();
    assertThat(gate.worthRetracting(new Retraction("codex", "s2", null,
        RecordIds.METRIC_USAGE_PREFIX), SINCE)).as("same session id, other tool").isFalse();
    assertThat(store.asked).containsExactly("*");
  }

  @Test
  void metricRecordsFromBeforeTheStartAreLookedUpPerSession() {
    Lookups store = new Lookups(Set.of("old"));
    RetractionGate gate = new RetractionGate(store, CLOCK, WINDOW);
    assertThat(gate.worthRetracting(session("old"), SINCE)).isTrue();
    assertThat(gate.worthRetracting(session("new"), SINCE)).isFalse();
    assertThat(store.asked).containsExactly("*", "old", "new");
    gate.metricsStoring(List.of(session("new")));
    assertThat(gate.worthRetracting(session("new"), SINCE)).isTrue();
    assertThat(store.asked).hasSize(3); // known from this process: no lookup
  }
}
