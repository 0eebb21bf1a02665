package io.tokenmaxx.storage.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Local time of a zone as SQL arithmetic on minutes since the epoch: {@code tmin + offset}, the
 * offset a CASE over the zone's transitions (taken from {@code java.time}, so buckets agree with
 * the reference exactly and never depend on the database's time-zone tables).
 *
 * <p>{@link #wholeHours} says whether hourly rollups can answer exactly: every offset in force is
 * a whole number of hours and changes on a whole UTC hour. Zones such as Asia/Kolkata (+05:30) are
 * answered from the records instead.
 */
final class LocalMinutes {
  private static final Duration MARGIN = Duration.ofDays(2);
  private static final Map<ZoneId, Boolean> WHOLE_SINCE_1970 = new ConcurrentHashMap<>();

  private final List<long[]> segments; // {until epoch minute (exclusive), offset minutes}; last until = MAX
  final boolean wholeHours;

  private LocalMinutes(List<long[]> segments, boolean wholeHours) {
    this.segments = segments;
    this.wholeHours = wholeHours;
  }

  /** The offsets of {@code zone} in force between {@code from} and {@code to} (with a margin either side). */
  static LocalMinutes of(ZoneId zone, Instant from, Instant to) {
    ZoneRules rules = zone.getRules();
    Instant start = from.minus(MARGIN);
    Instant end = to.plus(MARGIN);
    List<long[]> segs = new ArrayList<>();
    long offset = rules.getOffset(start).getTotalSeconds() / 60;
    boolean whole = rules.getOffset(start).getTotalSeconds() % 3600 == 0;
    Instant t = start;
    ZoneOffsetTransition tr;
    while ((tr = rules.nextTransition(t)) != null && tr.getInstant().isBefore(end)) {
      long at = tr.getInstant().getEpochSecond();
      segs.add(new long[] {Math.floorDiv(at, 60), offset});
      ZoneOffset after = tr.getOffsetAfter();
      offset = after.getTotalSeconds() / 60;
      whole &= at % 3600 == 0 && after.getTotalSeconds() % 3600 == 0;
      t = tr.getInstant();
    }
    segs.add(new long[] {Long.MAX_VALUE, offset});
    return new LocalMinutes(segs, whole);
  }

  /** True when every offset of the zone since 1970 is a whole number of hours, changing on whole hours. */
  static boolean wholeHoursSince1970(ZoneId zone) {
    return WHOLE_SINCE_1970.computeIfAbsent(zone, z -> {
      ZoneRules rules = z.getRules();
      if (rules.getOffset(Instant.EPOCH).getTotalSeconds() % 3600 != 0) return false;
      Instant t = Instant.EPOCH;
      Instant end = Instant.now().plus(Duration.ofDays(3660));
      ZoneOffsetTransition tr;
      while ((tr = rules.nextTransition(t)) != null && tr.getInstant().isBefore(end)) {
        if (tr.getInstant().getEpochSecond() % 3600 != 0 || tr.getOffsetAfter().getTotalSeconds() % 3600 != 0) return false;
        t = tr.getInstant();
      }
      return true;
    });
  }

  /** SQL: local minutes since the epoch for a column of UTC minutes since the epoch. */
  String expr(String tmin) {
    if (segments.size() == 1) return "(" + tmin + " + " + segments.getFirst()[1] + ")";
    StringBuilder sb = new StringBuilder("(").append(tmin).append(" + CASE");
    for (int i = 0; i < segments.size() - 1; i++) {
      sb.append(" WHEN ").append(tmin).append(" < ").append(segments.get(i)[0]).append(" THEN ").append(segments.get(i)[1]);
    }
    return sb.append(" ELSE ").append(segments.getLast()[1]).append(" END)").toString();
  }
}
