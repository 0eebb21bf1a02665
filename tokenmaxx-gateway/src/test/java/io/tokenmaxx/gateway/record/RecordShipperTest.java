package io.tokenmaxx.gateway.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records leave the request path without loss when the sink is slow, failing, or the process restarts. */
class RecordShipperTest {
  @TempDir
  Path dir;

  static GatewayRecord record(int i) {
    UsageRecord u = UsageRecord.builder().id("gw_" + i).timestamp(Instant.parse("2026-06-01T10:00:00Z").plusSeconds(i))
        .source("gateway").tool("api").provider("openai").model("gpt-4o-mini").person("p1")
        .identity(new RawIdentity(RawIdentity.Kind.API_KEY, "key_1")).inputTokens(i).outputTokens(2 * i)
        .computedCost(new BigDecimal("0.000123")).priceRef("catalog@2026:gpt-4o-mini").latencyMs(12L).promptHash("ab")
        .build();
    return new GatewayRecord(u, "key_1", "team", "openai:/v1/chat/completions", "gpt-4o-mini", "gpt-4o-mini-2024-07-18",
        "openai", 200, 5L, true, false, "fallback",
        List.of(new Attempt("openai", "gpt-4o-mini", 503, Attempt.FAILED, "status 503", 3, null, null),
            new Attempt("backup", "gpt-4o-mini", 200, Attempt.SERVED, null, 9, new BigDecimal("0.000123"), null)),
        null, null, null);
  }

  @Test
  void aSlowSinkSpillsToDiskAndEveryRecordArrivesOnceTheSinkCatchesUp() throws Exception {
    List<GatewayRecord> got = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch release = new CountDownLatch(1);
    RecordShipper s = new RecordShipper(batch -> {
      release.await();
      got.addAll(batch);
    }, 50, 20, Duration.ofMillis(5), dir, Duration.ofSeconds(10)).start();
    int n = 2_000;
    for (int i = 0; i < n; i++) s.offer(record(i));
    // nothing blocked the producers although the sink took nothing
    assertThat(s.spilled()).isGreaterThan(n - 100);
    assertThat(Files.list(dir).count()).isPositive();
    release.countDown();
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (got.size() < n && System.nanoTime() < deadline) Thread.sleep(20);
    s.close();
    assertThat(got).hasSize(n);
    Set<String> ids = new TreeSet<>();
    for (GatewayRecord r : got) ids.add(r.usage().id());
    assertThat(ids).hasSize(n);
    assertThat(got).contains(record(1234)); // the spill round-trips every field
    assertThat(Files.list(dir).count()).isZero();
  }

  @Test
  void aFailingSinkIsRetriedAndRecordsLeftAtShutdownAreSentByTheNextProcess() throws Exception {
    AtomicBoolean down = new AtomicBoolean(true);
    AtomicInteger calls = new AtomicInteger();
    List<GatewayRecord> got = Collections.synchronizedList(new ArrayList<>());
    RecordShipper first = new RecordShipper(batch -> {
      calls.incrementAndGet();
      if (down.get()) throw new IllegalStateException("store unavailable");
      got.addAll(batch);
    }, 100, 10, Duration.ofMillis(5), dir, Duration.ofMillis(300)).start();
    for (int i = 0; i < 250; i++) first.offer(record(i));
    Thread.sleep(200);
    assertThat(calls.get()).isGreaterThan(1); // retried
    assertThat(first.check().ok()).isFalse();
    first.close(); // the sink is still down: everything goes to the spill directory
    assertThat(got).isEmpty();
    assertThat(Files.list(dir).count()).isPositive();

    down.set(false);
    RecordShipper second = new RecordShipper(got::addAll, 100, 10, Duration.ofMillis(5), dir, Duration.ofSeconds(5)).start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (got.size() < 250 && System.nanoTime() < deadline) Thread.sleep(20);
    second.close();
    assertThat(got).extracting(r -> r.usage().id()).doesNotHaveDuplicates().hasSize(250);
    assertThat(second.check().ok()).isTrue();
  }

  @Test
  void withoutASpillDirectoryAFullQueueHoldsTheProducerBack() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<GatewayRecord> got = Collections.synchronizedList(new ArrayList<>());
    RecordShipper s = new RecordShipper(batch -> {
      release.await();
      got.addAll(batch);
    }, 10, 5, Duration.ofMillis(5), null, Duration.ofSeconds(10)).start();
    AtomicInteger offered = new AtomicInteger();
    Thread producer = Thread.ofVirtual().start(() -> {
      for (int i = 0; i < 100; i++) {
        s.offer(record(i));
        offered.incrementAndGet();
      }
    });
    Thread.sleep(300);
    assertThat(offered.get()).isLessThan(100); // waiting for room: back-pressure
    release.countDown();
    producer.join(10_000);
    assertThat(offered.get()).isEqualTo(100);
    s.close();
    assertThat(got).hasSize(100);
  }
}
