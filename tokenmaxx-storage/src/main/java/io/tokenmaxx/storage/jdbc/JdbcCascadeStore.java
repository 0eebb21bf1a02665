package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.metering.CascadeOutcome;
import io.tokenmaxx.metering.CascadeStore;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** {@link CascadeStore} in the {@code gateway_cascade} table, for both backends. */
public final class JdbcCascadeStore implements CascadeStore {
  private final Transactions tx;

  public JdbcCascadeStore(Transactions tx) {
    this.tx = tx;
  }

  @Override
  public void accept(List<CascadeOutcome> outcomes) {
    if (outcomes.isEmpty()) return;
    for (CascadeOutcome o : outcomes) RecordChecks.checkText("cascade outcome " + o.id(), "model_class", o.modelClass());
    tx.write("store cascade outcomes", c -> {
      for (List<CascadeOutcome> part : Values.chunks(outcomes)) {
        List<Object> v = new ArrayList<>(part.size() * 6);
        for (CascadeOutcome o : part) {
          v.add(o.id());
          v.add(at(o.timestamp()));
          v.add(o.modelClass());
          v.add(JdbcBudgetLedger.amount(o.actualCost()));
          v.add(JdbcBudgetLedger.amount(o.strongCost()));
          v.add(o.escalated());
        }
        JdbcDirectory.update(c, "INSERT INTO gateway_cascade (id, ts, model_class, actual_cost, strong_cost, escalated) "
            + "VALUES " + Values.placeholders(part.size(), 6) + " ON CONFLICT (id) DO NOTHING", v);
      }
      return null;
    });
  }

  @Override
  public List<Sum> sums(Instant from, Instant to) {
    List<Sum> out = new ArrayList<>();
    tx.read("read cascade outcomes", c -> {
      JdbcDirectory.query(c, "SELECT model_class, COUNT(*), SUM(CASE WHEN escalated THEN 1 ELSE 0 END), "
          + "SUM(actual_cost), SUM(strong_cost) FROM gateway_cascade WHERE ts >= ? AND ts < ? "
          + "GROUP BY model_class ORDER BY model_class", List.of(at(from), at(to)),
          rs -> out.add(new Sum(rs.getString(1), rs.getLong(2), rs.getLong(3),
              rs.getBigDecimal(4).stripTrailingZeros(), rs.getBigDecimal(5).stripTrailingZeros())));
      return null;
    });
    return out;
  }

  private static OffsetDateTime at(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
  }
}
