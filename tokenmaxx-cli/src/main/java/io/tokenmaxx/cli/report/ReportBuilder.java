package io.tokenmaxx.cli.report;

import io.tokenmaxx.analyze.CostBasis;
import io.tokenmaxx.collect.local.ScanStats;
import io.tokenmaxx.collect.local.UsageTable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds a report from the scan's {@link UsageTable} in one pass: every row goes to its period
 * (day, week or month in the report's time zone), session or model, and within it to its model,
 * tool and {@code --by} key, summed with primitive arithmetic (no object per request). Tests check
 * it against the core reference {@link io.tokenmaxx.analyze.UsageAggregator} on the same records.
 */
final class ReportBuilder {
  private ReportBuilder() {}

  static Report build(ReportKind kind, UsageTable t, ReportOptions.By by, LocalDate since,
      LocalDate until, ZoneId zone, DayOfWeek weekStart, CostBasis basis, ScanStats stats) {
    long from = Long.MIN_VALUE;
    long to = Long.MAX_VALUE;
    if (kind != ReportKind.SESSION) {
      if (since != null) from = since.atStartOfDay(zone).toInstant().toEpochMilli();
      if (until != null) to = until.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }
    LocalDays days = new LocalDays(zone);
    Map<Long, Row> rows = new HashMap<>();
    Map<Long, Row> sessionRows = new HashMap<>();
    int n = t.size();
    for (int i = 0; i < n; i++) {
      long ts = t.timestampMillis(i);
      if (ts < from || ts >= to) continue;
      Row row;
      switch (kind) {
        case DAILY, WEEKLY, MONTHLY -> {
          long day = days.epochDay(ts);
          long key = kind == ReportKind.DAILY ? day
              : kind == ReportKind.WEEKLY ? weekStartDay(day, weekStart)
              : monthStartDay(day);
          row = rows.get(key);
          if (row == null) rows.put(key, row = new Row(LocalDate.ofEpochDay(key).toString().substring(0,
              kind == ReportKind.MONTHLY ? 7 : 10)));
        }
        case SESSION -> {
          long key = ((long) t.toolId(i) << 42) ^ ((long) (t.projectId(i) + 1) << 21) ^ t.sessionId(i);
          row = sessionRows.get(key);
          if (row == null) {
            sessionRows.put(key, row = new Row(t.string(t.sessionId(i))));
            row.tool = t.string(t.toolId(i));
            row.project = t.string(t.projectId(i));
          }
        }
        default -> {
          long key = t.modelId(i);
          row = rows.get(key);
          if (row == null) rows.put(key, row = new Row(t.string(t.modelId(i))));
        }
      }
      row.add(t, i, basis, by);
    }
    List<Row> out = new ArrayList<>(kind == ReportKind.SESSION ? sessionRows.values() : rows.values());
    for (Row r : out) r.finish(t);
    if (kind == ReportKind.SESSION && (since != null || until != null)) {
      // ccusage keeps whole sessions whose last activity falls in the range
      out.removeIf(r -> {
        LocalDate d = Instant.ofEpochMilli(r.sums.last).atZone(zone).toLocalDate();
        return (since != null && d.isBefore(since)) || (until != null && d.isAfter(until));
      });
    }
    out.removeIf(r -> r.sums.total() == 0);
    Comparator<Row> order = Comparator.comparing((Row r) -> r.period);
    if (kind == ReportKind.SESSION) order = order.thenComparing(r -> r.tool).thenComparing(r -> String.valueOf(r.project));
    out.sort(order);
    Sums totals = new Sums();
    TreeSet<String> unpriced = new TreeSet<>();
    for (Row r : out) {
      totals.add(r.sums);
      r.models.forEach((m, s) -> {
        if (s.unpriced > 0) unpriced.add(m);
      });
    }
    return new Report(kind, by, out, totals, unpriced, zone, basis, stats);
  }

  static long weekStartDay(long epochDay, DayOfWeek start) {
    int dow = (int) Math.floorMod(epochDay + 3, 7L); // 1970-01-01 was a Thursday: Monday = 0
    int startIdx = start.getValue() - 1;
    return epochDay - Math.floorMod(dow - startIdx, 7);
  }

  static long monthStartDay(long epochDay) {
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    return d.withDayOfMonth(1).toEpochDay();
  }

  /** Epoch milliseconds to local epoch days, remembering the current offset's validity window. */
  static final class LocalDays {
    private final ZoneRules rules;
    private final boolean fixed;
    private long windowStart = Long.MAX_VALUE;
    private long windowEnd = Long.MIN_VALUE;
    private long offsetMillis;

    LocalDays(ZoneId zone) {
      rules = zone.getRules();
      fixed = rules.isFixedOffset();
      if (fixed) offsetMillis = rules.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L;
    }

    long epochDay(long ts) {
      if (!fixed && (ts < windowStart || ts >= windowEnd)) {
        Instant at = Instant.ofEpochMilli(ts);
        offsetMillis = rules.getOffset(at).getTotalSeconds() * 1000L;
        ZoneOffsetTransition prev = rules.previousTransition(at.plusMillis(1));
        ZoneOffsetTransition next = rules.nextTransition(at);
        windowStart = prev == null ? Long.MIN_VALUE : prev.getInstant().toEpochMilli();
        windowEnd = next == null ? Long.MAX_VALUE : next.getInstant().toEpochMilli();
      }
      return Math.floorDiv(ts + offsetMillis, 86_400_000L);
    }
  }
}
