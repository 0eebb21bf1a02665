package io.tokenmaxx.storage.postgres;

import io.tokenmaxx.storage.jdbc.Dialect;

/** PostgreSQL's spelling of the time functions (EXTRACT(EPOCH) is exact NUMERIC from 14 on). */
final class PostgresDialect implements Dialect {
  static final PostgresDialect INSTANCE = new PostgresDialect();

  @Override
  public String name() {
    return "PostgreSQL";
  }

  @Override
  public String epochMicros(String ts) {
    return "CAST(EXTRACT(EPOCH FROM " + ts + ") * 1000000 AS BIGINT)";
  }

  @Override
  public String epochNanos(String ts, String nanos) {
    return "(EXTRACT(EPOCH FROM " + ts + ") * 1000000000 + " + nanos + ")";
  }

  @Override
  public String localTimeInRegion(String ts, String quotedZone) {
    return "(" + ts + " AT TIME ZONE " + quotedZone + ")";
  }

  @Override
  public String localTimeAtOffset(String ts, int offsetSeconds) {
    return "((" + ts + " AT TIME ZONE 'UTC') + INTERVAL '" + offsetSeconds + " seconds')";
  }

  @Override
  public String format(String local, Format format) {
    String pattern = switch (format) {
      case HOUR -> "YYYY-MM-DD\"T\"HH24";
      case DAY -> "YYYY-MM-DD";
      case MONTH -> "YYYY-MM";
    };
    return "to_char(" + local + ", '" + pattern + "')";
  }

  @Override
  public String dateMinusDays(String local, String days) {
    return "(CAST(" + local + " AS DATE) - CAST(" + days + " AS INTEGER))";
  }

  @Override
  public String isoDayOfWeek(String local) {
    return "CAST(EXTRACT(ISODOW FROM " + local + ") AS INTEGER)";
  }

  @Override
  public String idOrder() {
    return "id COLLATE \"C\"";
  }

  @Override
  public String percentileCont(String expr, double p) {
    return "percentile_cont(" + p + ") WITHIN GROUP (ORDER BY " + expr + ")";
  }

  @Override
  public String textOrder(String column) {
    return column + " COLLATE \"C\"";
  }

  @Override
  public String percentilesCont(String expr, java.util.List<Double> ps) {
    return "percentile_cont(ARRAY[" + String.join(", ", ps.stream().map(String::valueOf).toList())
        + "]::double precision[]) WITHIN GROUP (ORDER BY " + expr + ")";
  }
}
