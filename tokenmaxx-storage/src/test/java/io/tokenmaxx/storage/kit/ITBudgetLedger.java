package io.tokenmaxx.storage.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.metering.BudgetLedger;
import io.tokenmaxx.metering.BudgetLedger.Consumption;
import io.tokenmaxx.metering.BudgetLedger.Key;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The gateway's budget ledger: reserve while below the limit, settle, consumption per window, under
 * concurrency, kept across a restart of the store.
 */
public abstract class ITBudgetLedger extends StorageTest {
  static final Instant MAY = Instant.parse("2026-05-01T00:00:00Z");
  static final Instant JUNE = Instant.parse("2026-06-01T00:00:00Z");

  BudgetLedger ledger() {
    return storage.budgetLedger();
  }

  @Test
  void reservesWhileBelowTheLimitAndSettlesWhatWasUsed() {
    Key k = new Key("team:web/usd/month", MAY);
    assertThat(ledger().consumption(k)).isEqualTo(Consumption.ZERO);

    assertThat(ledger().tryReserve(k, new BigDecimal("10"), new BigDecimal("6"))).isTrue();
    assertThat(ledger().tryReserve(k, new BigDecimal("10"), new BigDecimal("6"))).isTrue(); // 6 < 10: admitted
    assertThat(ledger().tryReserve(k, new BigDecimal("10"), new BigDecimal("0.5"))).isFalse(); // 12 >= 10
    assertThat(ledger().consumption(k)).isEqualTo(new Consumption(BigDecimal.ZERO, new BigDecimal("12")));

    BigDecimal after = ledger().settle(k, new BigDecimal("6"), new BigDecimal("0.000001234567890123"));
    assertThat(after).isEqualByComparingTo("0.000001234567890123");
    assertThat(ledger().settle(k, new BigDecimal("6"), new BigDecimal("2.5"))).isEqualByComparingTo("2.500001234567890123");
    Consumption c = ledger().consumption(k);
    assertThat(c.consumed()).isEqualByComparingTo("2.500001234567890123");
    assertThat(c.reserved()).isEqualByComparingTo("0");
    assertThat(ledger().tryReserve(k, new BigDecimal("10"), new BigDecimal("1"))).isTrue();
  }

  @Test
  void windowsAndBudgetsAreSeparate() {
    Key may = new Key("person:ana/tokens/month", MAY);
    Key june = new Key("person:ana/tokens/month", JUNE);
    Key other = new Key("person:bo/tokens/month", MAY);
    ledger().tryReserve(may, new BigDecimal("100"), new BigDecimal("100"));
    ledger().settle(may, new BigDecimal("100"), new BigDecimal("150"));

    assertThat(ledger().tryReserve(may, new BigDecimal("100"), BigDecimal.ONE)).isFalse();
    assertThat(ledger().tryReserve(june, new BigDecimal("100"), BigDecimal.ONE)).isTrue();
    assertThat(ledger().tryReserve(other, new BigDecimal("100"), BigDecimal.ONE)).isTrue();
    assertThat(ledger().consumption(june).reserved()).isEqualByComparingTo("1");
    assertThat(ledger().consumption(may).consumed()).isEqualByComparingTo("150");
  }

  @Test
  void aSettlementWithoutReservationStillBooksAndNeverGoesBelowZeroReserved() {
    Key k = new Key("key:key_1/usd/day", MAY);
    assertThat(ledger().settle(k, new BigDecimal("3"), new BigDecimal("1"))).isEqualByComparingTo("1");
    assertThat(ledger().consumption(k).reserved()).isEqualByComparingTo("0");
    assertThatThrownBy(() -> ledger().tryReserve(k, BigDecimal.TEN, new BigDecimal("-1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 or more");
  }

  @Test
  void concurrentReservationsOvershootAtMostByTheRequestsInFlight() throws Exception {
    Key k = new Key("team:platform/usd/day", MAY);
    BigDecimal limit = new BigDecimal("5");
    int threads = 8;
    int perThread = 25;
    AtomicInteger admitted = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            if (ledger().tryReserve(k, limit, BigDecimal.ONE)) {
              admitted.incrementAndGet();
              ledger().settle(k, BigDecimal.ONE, BigDecimal.ONE);
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) f.get();
    } finally {
      pool.shutdownNow();
    }
    // each request reserves what it then uses: the limit is never passed
    assertThat(admitted.get()).isEqualTo(5);
    assertThat(ledger().consumption(k)).satisfies(c -> {
      assertThat(c.consumed()).isEqualByComparingTo("5");
      assertThat(c.reserved()).isEqualByComparingTo("0");
    });
  }
}
