package io.tokenmaxx.storage.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.analyze.UsageAggregator;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.storage.Dimension;
import io.tokenmaxx.storage.UsageAggregate;
import io.tokenmaxx.storage.UsageQuery;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every grouping and filter agrees with {@link UsageAggregator}, the pure-Java reference, on seeded
 * random data around DST changes, in zones with odd offsets, for every week start.
 */
public abstract class ITAggregate extends StorageTest {
  static final long[] SEEDS = {1L, 42L, 20240310L};
  static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("Asia/Kolkata"),
      ZoneId.of("America/St_Johns"), ZoneId.of("America/New_York"), ZoneId.of("Europe/Berlin"),
      ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Pacific/Chatham"), ZoneOffset.ofHoursMinutes(-9, -30),
      ZoneId.of("Asia/Kathmandu"));

  static Stream<Arguments> seedsAndDimensions() {
    List<Arguments> out = new ArrayList<>();
    for (long seed : SEEDS) for (Dimension d : Dimension.values()) out.add(Arguments.of(seed, d));
    return out.stream();
  }

  @ParameterizedTest(name = "seed {0}, group by {1}")
  @MethodSource("seedsAndDimensions")
  void everyDimensionMatchesTheReference(long seed, Dimension dimension) {
    List<UsageRecord> records = ingest(seed, 1500);
    List<DayOfWeek> weekStarts = dimension == Dimension.WEEK
        ? List.of(DayOfWeek.values()) : List.of(DayOfWeek.MONDAY);
    List<ZoneId> zones = dimension.isTime() ? ZONES : List.of(ZoneOffset.UTC);
    for (ZoneId zone : zones) {
      for (DayOfWeek weekStart : weekStarts) {
        check(records, UsageQuery.builder().groupBy(dimension).zone(zone).weekStart(weekStart).build());
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void filtersAndMultiDimensionGroupsMatchTheReference(long seed) {
    List<UsageRecord> records = ingest(seed, 1500);
    Random rnd = new Random(seed * 31);
    Dimension[] dims = Dimension.values();
    for (int i = 0; i < 40; i++) {
      UsageQuery.Builder q = UsageQuery.builder();
      int n = rnd.nextInt(4);
      List<Dimension> groupBy = new ArrayList<>();
      for (int k = 0; k < n; k++) groupBy.add(dims[rnd.nextInt(dims.length)]);
      q.groupBy(groupBy).zone(ZONES.get(rnd.nextInt(ZONES.size())))
          .weekStart(DayOfWeek.of(1 + rnd.nextInt(7)));
      if (rnd.nextBoolean()) {
        Instant a = records.get(rnd.nextInt(records.size())).timestamp();
        Instant b = records.get(rnd.nextInt(records.size())).timestamp();
        if (a.isAfter(b)) { Instant t = a; a = b; b = t; }
        if (a.equals(b)) b = b.plusNanos(1);
        q.from(rnd.nextBoolean() ? a : null).to(b);
      }
      if (rnd.nextInt(3) == 0) q.persons(pick(rnd, Records.PERSONS));
      if (rnd.nextInt(3) == 0) q.tools(pick(rnd, Records.TOOLS));
      if (rnd.nextInt(3) == 0) q.models(pick(rnd, Records.MODELS));
      if (rnd.nextInt(3) == 0) q.projects(pick(rnd, Records.PROJECTS));
      check(records, q.build());
    }
  }

  static Stream<Long> seeds() {
    return java.util.Arrays.stream(SEEDS).boxed();
  }

  @Test
  void totalsWithoutGroupingAreOneRow() {
    List<UsageRecord> records = ingest(5, 400);
    List<UsageAggregate> all = storage.usageStore().aggregate(UsageQuery.all());
    assertThat(all).hasSize(1);
    assertThat(all.getFirst().records()).isEqualTo(records.size());
    check(records, UsageQuery.all());
  }

  @Test
  void aFilterMatchingNothingGivesNoGroups() {
    ingest(6, 50);
    assertThat(storage.usageStore().aggregate(UsageQuery.builder().persons(Set.of("nobody")).build())).isEmpty();
    assertThat(storage.usageStore().aggregate(UsageQuery.builder().persons(Set.of("nobody"))
        .groupBy(Dimension.DAY).build())).isEmpty();
  }

  private List<UsageRecord> ingest(long seed, int n) {
    Random rnd = new Random(seed);
    List<UsageRecord> sent = new ArrayList<>();
    for (int i = 0; i < n; i++) sent.add(Records.usage(rnd, rnd.nextInt(n * 9 / 10))); // some ids repeat
    for (int from = 0; from < sent.size(); from += 500) {
      storage.usageConsumer().accept(sent.subList(from, Math.min(sent.size(), from + 500)));
    }
    return Records.lastCopies(sent, UsageRecord::id);
  }

  private void check(List<UsageRecord> records, UsageQuery q) {
    List<UsageAggregate> expected = Records.normalAggregates(UsageAggregator.aggregate(q, records));
    List<UsageAggregate> actual = Records.normalAggregates(storage.usageStore().aggregate(q));
    assertThat(actual).as("%s", q).isEqualTo(expected);
  }

  private static Set<String> pick(Random rnd, String[] values) {
    Set<String> out = new java.util.HashSet<>();
    int n = 1 + rnd.nextInt(2);
    for (int i = 0; i < n; i++) {
      String v = values[rnd.nextInt(values.length)];
      if (v != null) out.add(v);
    }
    if (out.isEmpty()) out.add("no-such-value");
    return out;
  }
}
