package io.tokenmaxx.storage.duckdb;

import io.tokenmaxx.storage.jdbc.Dialect;

/** DuckDB's spelling of the time functions (ICU is built into the JDBC driver). */
final class DuckDbDialect implements Dialect {

  @Override
  public String inTextArray(String column) {
    return column + " IN (SELECT unnest(?))";
  }

  @Override
  public String textArrayType() {
    return "VARCHAR";
  }

  static final DuckDbDialect INSTANCE = new DuckDbDialect();

  @Override
  public String name() {
    return "DuckDB";
  }

  @Override
  public String epochMicros(String ts) {
    return "epoch_us(" + ts + ")";
  }

  @Override
  public String epochNanos(String ts, String nanos) {
    return "(CAST(epoch_us(" + ts + ") AS HUGEINT) * 1000 + " + nanos + ")";
  }

  @Override
  public String localTimeInRegion(String ts, String quotedZone) {
    return "timezone(" + quotedZone + ", " + ts + ")";
  }

  @Override
  public String localTimeAtOffset(String ts, int offsetSeconds) {
    return "(timezone('UTC', " + ts + ") + INTERVAL '" + offsetSeconds + " seconds')";
  }

  @Override
  public String format(String local, Format format) {
    String pattern = switch (format) {
      case HOUR -> "%Y-%m-%dT%H";
      case DAY -> "%Y-%m-%d";
      case MONTH -> "%Y-%m";
    };
    return "strftime(" + local + ", '" + pattern + "')";
  }

  @Override
  public String dateMinusDays(String local, String days) {
    return "(CAST(" + local + " AS DATE) - CAST(" + days + " AS INTEGER))";
  }

  @Override
  public String isoDayOfWeek(String local) {
    return "isodow(" + local + ")";
  }

  @Override
  public String intDiv(String a, String b) {
    return "(" + a + " // " + b + ")";
  }

  @Override
  public String percentileCont(String expr, double p) {
    return "quantile_cont(" + expr + ", " + p + ")";
  }

  @Override
  public String percentilesCont(String expr, java.util.List<Double> ps) {
    return "quantile_cont(" + expr + ", [" + String.join(", ", ps.stream().map(String::valueOf).toList()) + "])";
  }
}
