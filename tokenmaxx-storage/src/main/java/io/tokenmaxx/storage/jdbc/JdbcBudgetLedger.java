package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.metering.BudgetLedger;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link BudgetLedger} in the {@code gateway_budget_window} table, for both backends. A reservation
 * is one conditional UPDATE (admitted only while consumed plus reserved is below the limit), so
 * gateway processes sharing a PostgreSQL store keep the same guarantee as one process. Within this
 * process, operations on one window are serialized (DuckDB answers concurrent updates of one row
 * with a conflict error instead of waiting).
 */
public final class JdbcBudgetLedger implements BudgetLedger {
  private static final int STRIPES = 64;
  private final Transactions tx;
  private final Object[] locks = new Object[STRIPES];

  public JdbcBudgetLedger(Transactions tx) {
    this.tx = tx;
    for (int i = 0; i < STRIPES; i++) locks[i] = new Object();
  }

  private Object lock(Key key) {
    return locks[Math.floorMod(key.hashCode(), STRIPES)];
  }

  @Override
  public boolean tryReserve(Key key, BigDecimal limit, BigDecimal amount) {
    synchronized (lock(key)) {
      return tx.write("reserve budget " + key.budgetId(), c -> {
        ensureRow(c, key);
        return JdbcDirectory.update(c, "UPDATE gateway_budget_window SET reserved = reserved + ? "
            + "WHERE budget_id = ? AND window_start = ? AND consumed + reserved < ?",
            List.of(amount(amount), key.budgetId(), start(key), amount(limit))) > 0;
      });
    }
  }

  @Override
  public BigDecimal settle(Key key, BigDecimal reserved, BigDecimal consumed) {
    synchronized (lock(key)) {
      return tx.write("settle budget " + key.budgetId(), c -> {
        ensureRow(c, key);
        JdbcDirectory.update(c, "UPDATE gateway_budget_window SET reserved = GREATEST(reserved - ?, 0), "
            + "consumed = consumed + ? WHERE budget_id = ? AND window_start = ?",
            List.of(amount(reserved), amount(consumed), key.budgetId(), start(key)));
        return read(c, key).consumed();
      });
    }
  }

  @Override
  public Consumption consumption(Key key) {
    return tx.read("read budget " + key.budgetId(), c -> read(c, key));
  }

  private static Consumption read(java.sql.Connection c, Key key) throws java.sql.SQLException {
    List<Consumption> out = new ArrayList<>(1);
    JdbcDirectory.query(c, "SELECT consumed, reserved FROM gateway_budget_window WHERE budget_id = ? AND window_start = ?",
        List.of(key.budgetId(), start(key)), rs -> out.add(new Consumption(
            rs.getBigDecimal(1).stripTrailingZeros(), rs.getBigDecimal(2).stripTrailingZeros())));
    return out.isEmpty() ? Consumption.ZERO : out.getFirst();
  }

  private static void ensureRow(java.sql.Connection c, Key key) throws java.sql.SQLException {
    JdbcDirectory.update(c, "INSERT INTO gateway_budget_window (budget_id, window_start, consumed, reserved) "
        + "VALUES (?, ?, 0, 0) ON CONFLICT (budget_id, window_start) DO NOTHING", List.of(key.budgetId(), start(key)));
  }

  private static OffsetDateTime start(Key key) {
    return OffsetDateTime.ofInstant(key.windowStart(), ZoneOffset.UTC);
  }

  /** The 18 decimal places the column keeps (costs are rounded the same way at ingest). */
  static BigDecimal amount(BigDecimal v) {
    if (v == null || v.signum() < 0) throw new IllegalArgumentException("a budget amount must be 0 or more, was " + v);
    return v.setScale(18, RoundingMode.HALF_EVEN);
  }
}
