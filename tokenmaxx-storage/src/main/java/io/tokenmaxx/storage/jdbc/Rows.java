package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Reads stored rows back into records; the select lists put the columns where these expect them. */
public final class Rows {
  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

  private Rows() {}

  /** The usage columns in table order, with {@code ts} read as epoch microseconds. */
  public static String usageSelectList(Dialect d) {
    return selectList(d, Tables.USAGE_COLUMNS);
  }

  public static String outcomeSelectList(Dialect d) {
    return selectList(d, Tables.OUTCOME_COLUMNS);
  }

  private static String selectList(Dialect d, List<String> columns) {
    StringBuilder sb = new StringBuilder();
    for (String c : columns) {
      if (!sb.isEmpty()) sb.append(", ");
      sb.append(c.equals("ts") ? d.epochMicros("ts") : c);
    }
    return sb.toString();
  }

  public static UsageRecord usage(ResultSet rs) throws SQLException {
    return new UsageRecord(
        rs.getString(1),
        instant(rs.getLong(2), rs.getInt(3)),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        identity(rs.getString(9), rs.getString(10)),
        rs.getString(11),
        rs.getString(12),
        rs.getLong(13),
        rs.getLong(14),
        rs.getLong(15),
        rs.getLong(16),
        rs.getLong(17),
        rs.getLong(18),
        rs.getInt(19),
        cost(rs.getBigDecimal(20)),
        cost(rs.getBigDecimal(21)),
        rs.getString(22),
        nullableLong(rs, 23),
        rs.getString(24),
        rs.getString(25));
  }

  public static OutcomeRecord outcome(ResultSet rs) throws SQLException {
    return new OutcomeRecord(
        rs.getString(1),
        instant(rs.getLong(2), rs.getInt(3)),
        rs.getString(4),
        rs.getString(5),
        OutcomeKind.parse(rs.getString(6)),
        rs.getDouble(7),
        rs.getString(8),
        identity(rs.getString(9), rs.getString(10)),
        rs.getString(11),
        rs.getString(12),
        rs.getString(13));
  }

  static RawIdentity identity(String kind, String value) {
    if (kind == null || value == null) return null;
    return new RawIdentity(RawIdentity.Kind.parse(kind), value);
  }

  public static Instant instant(long epochMicros, int subMicroNanos) {
    return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
        Math.floorMod(epochMicros, 1_000_000L) * 1000L + subMicroNanos);
  }

  /** An instant from an exact count of nanoseconds since the epoch (any numeric type), or null. */
  public static Instant instantOfNanos(BigDecimal nanos) {
    if (nanos == null) return null;
    BigInteger[] qr = nanos.toBigInteger().divideAndRemainder(NANOS_PER_SECOND);
    long seconds = qr[0].longValueExact();
    long rest = qr[1].longValueExact();
    if (rest < 0) {
      seconds--;
      rest += 1_000_000_000L;
    }
    return Instant.ofEpochSecond(seconds, rest);
  }

  /**
   * A stored cost as the smallest exact BigDecimal: DECIMAL(38, 18) reads back with 18 decimal
   * places, so trailing zeros are dropped (1.500000000000000000 becomes 1.5, 100.0... becomes 100).
   */
  public static BigDecimal cost(BigDecimal stored) {
    if (stored == null) return null;
    BigDecimal n = stored.stripTrailingZeros();
    return n.scale() < 0 ? n.setScale(0) : n;
  }

  private static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }
}
