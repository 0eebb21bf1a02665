package io.tokenmaxx.gateway.budget;

import io.tokenmaxx.metering.BudgetLedger;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BudgetsTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final BudgetScope TEAM = BudgetScope.parse("team:core");
  static final BudgetScope KEY = BudgetScope.parse("key:k1");

  static Instant berlin(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }

  /**
   * N requests start at once against a budget that fits k of their estimates; each uses a seeded
   * random amount around its estimate. A request is admitted while consumed + reserved is below the
   * limit, so the spend can pass the limit only by requests that were in flight when the last one
   * was admitted: that one's own use plus what the others used beyond their reservations.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void concurrentRequestsOvershootAtMostByTheRequestsInFlight(long seed) throws Exception {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 48;
    long estimate = 100;
    int k = 5 + rnd.nextInt(10);
    InMemoryBudgetLedger ledger = new InMemoryBudgetLedger();
    TestClock clock = new TestClock(berlin("2026-05-04T10:00"));
    Budget b = new Budget(null, TEAM, Budget.Metric.TOKENS, BigDecimal.valueOf(k * estimate), Period.DAY);
    Budgets budgets = new Budgets(List.of(b), List.of(), ledger, AlertSink.NONE, clock, BERLIN, DayOfWeek.MONDAY);
    long[] actual = new long[n];
    for (int i = 0; i < n; i++) actual[i] = 50 + rnd.nextInt(101); // 50..150 around the estimate
    CyclicBarrier start = new CyclicBarrier(n);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    AtomicLong overshootBound = new AtomicLong();
    List<Integer> admittedIdx = Collections.synchronizedList(new ArrayList<>());
    try (var exec = Executors.newFixedThreadPool(n)) {
      List<Future<?>> fs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int idx = i;
        fs.add(exec.submit(() -> {
          start.await();
          Admission a = budgets.admit(List.of(KEY, TEAM), null, estimate);
          if (a instanceof Admission.Admitted ad) {
            admittedIdx.add(idx);
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            overshootBound.addAndGet(Math.max(0, actual[idx] - estimate));
            Thread.sleep(rnd.split().nextInt(5));
            inFlight.decrementAndGet();
            budgets.settle(ad, null, actual[idx]);
          }
          return null;
        }));
      }
      for (Future<?> f : fs) f.get();
    }
    BigDecimal consumed = ledger.consumption(new BudgetLedger.Key(b.id(), b.period().window(clock.instant(), BERLIN,
        DayOfWeek.MONDAY).start())).consumed();
    long used = admittedIdx.stream().mapToLong(i -> actual[i]).sum();
    assertThat(consumed.longValueExact()).isEqualTo(used);
    // never more than the limit plus the in-flight overshoot: the last admitted request's use and
    // what admitted requests used beyond their reservations
    long largest = admittedIdx.stream().mapToLong(i -> actual[i]).max().orElse(0);
    assertThat(used).isLessThanOrEqualTo(k * estimate + largest + overshootBound.get());
    assertThat(admittedIdx.size()).isGreaterThanOrEqualTo(k); // what fits was admitted
    // and no more requests than the limit allows while reservations were held (k of them at most at once)
    assertThat(maxInFlight.get()).isLessThanOrEqualTo(k);
    assertThat(admittedIdx.size()).isLessThan(n);
    assertThat(ledger.consumption(new BudgetLedger.Key(b.id(), b.period().window(clock.instant(), BERLIN,
        DayOfWeek.MONDAY).start())).reserved()).isZero();
  }

  @Test
  void refusalNamesTheBudgetAndRetryAfterIsTheReset() {
    TestClock clock = new TestClock(berlin("2026-05-04T23:00"));
    Budget b = new Budget(null, TEAM, Budget.Metric.USD, new BigDecimal("1.00"), Period.DAY);
    Budgets budgets = new Budgets(List.of(b), List.of(), new InMemoryBudgetLedger(), AlertSink.NONE, clock, BERLIN,
        DayOfWeek.MONDAY);
    Admission.Admitted a = (Admission.Admitted) budgets.admit(List.of(TEAM), new BigDecimal("0.40"), 10);
    budgets.settle(a, new BigDecimal("1.20"), 10);
    Admission r = budgets.admit(List.of(TEAM), new BigDecimal("0.01"), 10);
    assertThat(r).isInstanceOfSatisfying(Admission.Refused.class, x -> {
      assertThat(x.message()).contains("1.00 USD per day for team:core").contains("1.2 used")
          .contains("resets at 2026-05-05T00:00:00+02:00");
      assertThat(x.retryAfterSeconds()).isEqualTo(3600);
      assertThat(x.limit()).isEqualTo("team:core/usd/day");
    });
  }

  @Test
  void dailyBudgetResetsAtLocalMidnightAcrossTheSpringDstChange() {
    // 2026-03-29 in Berlin has 23 hours: 00:00 CET to 00:00 CEST
    TestClock clock = new TestClock(berlin("2026-03-29T00:30"));
    Budget b = new Budget(null, KEY, Budget.Metric.TOKENS, BigDecimal.valueOf(1000), Period.DAY);
    Budgets budgets = new Budgets(List.of(b), List.of(), new InMemoryBudgetLedger(), AlertSink.NONE, clock, BERLIN,
        DayOfWeek.MONDAY);
    Period.Window w = Period.DAY.window(clock.instant(), BERLIN, DayOfWeek.MONDAY);
    assertThat(Duration.between(w.start(), w.end())).isEqualTo(Duration.ofHours(23));
    Admission.Admitted a = (Admission.Admitted) budgets.admit(List.of(KEY), null, 10);
    budgets.settle(a, null, 1000);
    assertThat(budgets.admit(List.of(KEY), null, 10)).isInstanceOf(Admission.Refused.class);
    clock.set(berlin("2026-03-29T23:59:59"));
    assertThat(budgets.admit(List.of(KEY), null, 10)).isInstanceOf(Admission.Refused.class);
    clock.advance(Duration.ofSeconds(1)); // local midnight, 22:00 UTC
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
    assertThat(budgets.admit(List.of(KEY), null, 10)).isInstanceOf(Admission.Admitted.class);
  }

  @Test
  void autumnDstDayHas25HoursAndWeeksAndMonthsStartLocally() {
    Period.Window day = Period.DAY.window(berlin("2026-10-25T12:00"), BERLIN, DayOfWeek.MONDAY);
    assertThat(Duration.between(day.start(), day.end())).isEqualTo(Duration.ofHours(25));
    Period.Window week = Period.WEEK.window(berlin("2026-10-25T12:00"), BERLIN, DayOfWeek.MONDAY);
    assertThat(week.start()).isEqualTo(berlin("2026-10-19T00:00"));
    assertThat(week.end()).isEqualTo(berlin("2026-10-26T00:00"));
    assertThat(Duration.between(week.start(), week.end())).isEqualTo(Duration.ofHours(7 * 24 + 1));
    Period.Window sundayWeek = Period.WEEK.window(berlin("2026-10-25T12:00"), BERLIN, DayOfWeek.SUNDAY);
    assertThat(sundayWeek.start()).isEqualTo(berlin("2026-10-25T00:00"));
    Period.Window month = Period.MONTH.window(berlin("2026-03-31T23:30"), BERLIN, DayOfWeek.MONDAY);
    assertThat(month.start()).isEqualTo(berlin("2026-03-01T00:00"));
    assertThat(month.end()).isEqualTo(berlin("2026-04-01T00:00"));
    // a zone whose midnight falls in the DST gap starts the day at 01:00
    ZoneId havana = ZoneId.of("America/Havana");
    Period.Window gap = Period.DAY.window(Instant.parse("2026-03-08T12:00:00Z"), havana, DayOfWeek.MONDAY);
    assertThat(gap.start().atZone(havana).getHour()).isEqualTo(1);
  }

  @Test
  void monthlyBudgetResetsOnTheFirst() {
    TestClock clock = new TestClock(berlin("2026-01-31T23:59"));
    Budget b = new Budget(null, TEAM, Budget.Metric.USD, new BigDecimal("10"), Period.MONTH);
    Budgets budgets = new Budgets(List.of(b), List.of(), new InMemoryBudgetLedger(), AlertSink.NONE, clock, BERLIN,
        DayOfWeek.MONDAY);
    budgets.settle((Admission.Admitted) budgets.admit(List.of(TEAM), BigDecimal.ONE, 1), new BigDecimal("10"), 1);
    assertThat(budgets.admit(List.of(TEAM), BigDecimal.ONE, 1)).isInstanceOf(Admission.Refused.class);
    clock.advance(Duration.ofMinutes(1));
    assertThat(budgets.admit(List.of(TEAM), BigDecimal.ONE, 1)).isInstanceOf(Admission.Admitted.class);
    assertThat(budgets.status()).singleElement().satisfies(s -> {
      assertThat(s.window().start()).isEqualTo(berlin("2026-02-01T00:00"));
      assertThat(s.consumption().reserved()).isEqualByComparingTo("1");
    });
  }

  @Test
  void alertsFireOnceAtEachThresholdUnderConcurrency() throws Exception {
    TestClock clock = new TestClock(berlin("2026-05-04T10:00"));
    List<BudgetAlert> alerts = Collections.synchronizedList(new ArrayList<>());
    Budget b = new Budget(null, TEAM, Budget.Metric.TOKENS, BigDecimal.valueOf(1000), Period.WEEK);
    Budgets budgets = new Budgets(List.of(b), List.of(), new InMemoryBudgetLedger(), alerts::add, clock, BERLIN,
        DayOfWeek.MONDAY);
    CountDownLatch go = new CountDownLatch(1);
    try (var exec = Executors.newFixedThreadPool(16)) {
      List<Future<?>> fs = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        fs.add(exec.submit(() -> {
          go.await();
          for (int j = 0; j < 10; j++) {
            Admission a = budgets.admit(List.of(TEAM), null, 1);
            if (a instanceof Admission.Admitted ad) budgets.settle(ad, null, 10);
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : fs) f.get();
    }
    assertThat(alerts).extracting(BudgetAlert::percent).containsExactlyInAnyOrder(50, 80, 100);
    assertThat(alerts).allSatisfy(a -> assertThat(a.budget()).isEqualTo(b));
  }

  @Test
  void requestsPerMinuteRefuseWithRetryAfterAndRefill() {
    TestClock clock = new TestClock(berlin("2026-05-04T10:00"));
    Budgets budgets = new Budgets(List.of(), List.of(new RateLimit(KEY, 3, 0)), new InMemoryBudgetLedger(),
        AlertSink.NONE, clock, BERLIN, DayOfWeek.MONDAY);
    for (int i = 0; i < 3; i++) assertThat(budgets.admit(List.of(KEY), null, 10)).isInstanceOf(Admission.Admitted.class);
    Admission r = budgets.admit(List.of(KEY), null, 10);
    assertThat(r).isInstanceOfSatisfying(Admission.Refused.class, x -> {
      assertThat(x.retryAfterSeconds()).isEqualTo(20);
      assertThat(x.message()).contains("3 requests per minute for key:k1");
    });
    clock.advance(Duration.ofSeconds(20));
    assertThat(budgets.admit(List.of(KEY), null, 10)).isInstanceOf(Admission.Admitted.class);
    assertThat(budgets.admit(List.of(KEY), null, 10)).isInstanceOf(Admission.Refused.class);
  }

  @Test
  void tokensPerMinuteAreCorrectedToWhatWasUsed() {
    TestClock clock = new TestClock(berlin("2026-05-04T10:00"));
    Budgets budgets = new Budgets(List.of(), List.of(new RateLimit(TEAM, 0, 1000)), new InMemoryBudgetLedger(),
        AlertSink.NONE, clock, BERLIN, DayOfWeek.MONDAY);
    Admission.Admitted a = (Admission.Admitted) budgets.admit(List.of(TEAM), null, 900);
    budgets.settle(a, null, 100); // used far less than reserved: 800 come back
    Admission.Admitted b = (Admission.Admitted) budgets.admit(List.of(TEAM), null, 850);
    budgets.settle(b, null, 2000); // used more: a debt
    assertThat(budgets.admit(List.of(TEAM), null, 10)).isInstanceOfSatisfying(Admission.Refused.class,
        x -> assertThat(x.retryAfterSeconds()).isGreaterThan(60));
  }
}
