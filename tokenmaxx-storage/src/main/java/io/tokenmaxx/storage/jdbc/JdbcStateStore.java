package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.storage.StateStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link StateStore} in the {@code collector_state} table, for both backends. */
public final class JdbcStateStore implements StateStore {
  private final Transactions tx;
  private final Clock clock;

  public JdbcStateStore(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public Map<String, String> load(String namespace) {
    return tx.read("load collector state " + namespace, c -> {
      Map<String, String> out = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT state_key, state_value FROM collector_state WHERE namespace = ? ORDER BY state_key")) {
        ps.setString(1, namespace);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        }
      }
      return out;
    });
  }

  @Override
  public void put(String namespace, Map<String, String> entries) {
    if (entries.isEmpty()) return;
    tx.write("save collector state " + namespace, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO collector_state (namespace, state_key, state_value, updated_at) VALUES (?, ?, ?, ?) "
              + "ON CONFLICT (namespace, state_key) DO UPDATE SET state_value = excluded.state_value, "
              + "updated_at = excluded.updated_at")) {
        Timestamp now = Timestamp.from(clock.instant());
        for (Map.Entry<String, String> e : entries.entrySet()) {
          ps.setString(1, namespace);
          ps.setString(2, e.getKey());
          ps.setString(3, e.getValue());
          ps.setTimestamp(4, now);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  @Override
  public void remove(String namespace, Collection<String> keys) {
    if (keys.isEmpty()) return;
    tx.write("remove collector state " + namespace, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM collector_state WHERE namespace = ? AND state_key = ?")) {
        for (String k : keys) {
          ps.setString(1, namespace);
          ps.setString(2, k);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }
}
