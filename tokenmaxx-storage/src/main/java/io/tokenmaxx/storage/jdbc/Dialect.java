package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.storage.Dimension;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/** The SQL that differs between backends: time zone conversion, bucket formatting, epoch maths. */
public interface Dialect {

  /** Backend name for messages: "DuckDB", "PostgreSQL". */
  String name();

  /**
   * {@code column} is one of the strings of a single array placeholder (bound as a {@link
   * SqlArray}): for sets too large for a list of placeholders, which both backends compare one by
   * one (2,000 ids cost DuckDB about 30 ms per 1M rows; the array is a hash semi-join).
   */
  default String inTextArray(String column) {
    return column + " = ANY(?)";
  }

  /** The SQL name of the element type of a {@link SqlArray} of strings. */
  default String textArrayType() {
    return "text";
  }

  /** A BIGINT expression: microseconds since the epoch of the TIMESTAMPTZ column. */
  String epochMicros(String tsColumn);

  /** An exact numeric expression: nanoseconds since the epoch, from the column and its nanos. */
  String epochNanos(String tsColumn, String nanosColumn);

  /** A local (zone-less) timestamp expression for the TIMESTAMPTZ column in a named region. */
  String localTimeInRegion(String tsColumn, String quotedZone);

  /** A local timestamp expression for the TIMESTAMPTZ column at a fixed offset from UTC. */
  String localTimeAtOffset(String tsColumn, int offsetSeconds);

  /** {@code to_char}/{@code strftime} of a local timestamp or date with a pattern of {@link Format}. */
  String format(String localExpr, Format format);

  /** A DATE expression: the local date of {@code localExpr} minus {@code daysExpr} days. */
  String dateMinusDays(String localExpr, String daysExpr);

  /** An INTEGER expression: ISO day of week (Monday 1 .. Sunday 7) of a local timestamp. */
  String isoDayOfWeek(String localExpr);

  /** ORDER BY term for the id column that sorts by code point, whatever the database's collation. */
  default String idOrder() {
    return "id";
  }

  /** Integer division of two non-negative BIGINT expressions (DuckDB's {@code /} gives a DOUBLE). */
  default String intDiv(String a, String b) {
    return "(" + a + " / " + b + ")";
  }

  /** Hours since the epoch (UTC) of a TIMESTAMPTZ column, as BIGINT. */
  default String epochHour(String tsColumn) {
    return intDiv(epochMicros(tsColumn), "3600000000");
  }

  /** The continuous (interpolated) percentile {@code p} of a DOUBLE expression, as an aggregate. */
  String percentileCont(String expr, double p);

  /**
   * Several continuous percentiles of a DOUBLE expression in one aggregate (one sort), as an
   * array of DOUBLE in the order of {@code ps}.
   */
  String percentilesCont(String expr, java.util.List<Double> ps);

  /** A text column in ORDER BY sorting by code point whatever the collation. */
  default String textOrder(String column) {
    return column;
  }

  /** The patterns {@link io.tokenmaxx.analyze.TimeBuckets} produces. */
  enum Format { HOUR, DAY, MONTH }

  /** The local timestamp expression for a zone (fixed offsets by arithmetic, regions by name). */
  default String localTime(String tsColumn, ZoneId zone) {
    if (zone.getRules().isFixedOffset()) {
      ZoneOffset offset = zone.getRules().getOffset(Instant.EPOCH);
      return localTimeAtOffset(tsColumn, offset.getTotalSeconds());
    }
    return localTimeInRegion(tsColumn, quoteZone(zone));
  }

  /** The text bucket of a time dimension, exactly as {@code TimeBuckets.bucket} formats it. */
  default String bucket(Dimension d, String tsColumn, ZoneId zone, DayOfWeek weekStart) {
    String local = localTime(tsColumn, zone);
    return switch (d) {
      case HOUR -> format(local, Format.HOUR);
      case DAY -> format(local, Format.DAY);
      case MONTH -> format(local, Format.MONTH);
      case WEEK -> format(dateMinusDays(local,
          "((" + isoDayOfWeek(local) + " - " + weekStart.getValue() + " + 7) % 7)"), Format.DAY);
      default -> throw new IllegalArgumentException(d + " is not a time dimension");
    };
  }

  Pattern ZONE_ID = Pattern.compile("[A-Za-z0-9/_+\\-]+");

  /** The zone's id as a SQL string literal; ids are checked so nothing else can be injected. */
  static String quoteZone(ZoneId zone) {
    String id = zone.getId();
    if (!ZONE_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("time zone id '" + id + "' has unexpected characters");
    }
    return "'" + id + "'";
  }
}
