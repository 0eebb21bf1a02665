package io.tokenmaxx.server.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cut-over to time-led OTLP ids is fixed at the first start and never moves. */
class TimedIdsTest {
  @Test
  void theFirstStartFixesTheInstantForGood() {
    StoredSessionIndexTest.Counting store = new StoredSessionIndexTest.Counting();
    Instant first = TimedIds.since(store, Clock.fixed(Instant.parse("2026-12-06T10:00:00.750Z"), ZoneOffset.UTC));
    assertThat(first).isEqualTo(Instant.parse("2026-12-06T10:00:00Z"));
    Instant later = TimedIds.since(store, Clock.fixed(Instant.parse("2027-03-01T00:00:00Z"), ZoneOffset.UTC));
    assertThat(later).isEqualTo(first);
    assertThat(store.puts).containsExactly(1);
  }

  @Test
  void aDamagedValueIsReportedWithItsName() {
    StoredSessionIndexTest.Counting store = new StoredSessionIndexTest.Counting();
    store.put(TimedIds.NAMESPACE, Map.of(TimedIds.KEY, "yesterday"));
    assertThatThrownBy(() -> TimedIds.since(store, Clock.systemUTC()))
        .hasMessageContaining("otlp.ids/timed-since").hasMessageContaining("yesterday");
  }
}
