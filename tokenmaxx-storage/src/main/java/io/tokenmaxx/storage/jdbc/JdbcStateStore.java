package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.storage.StateStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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

  /** Rows per statement: one statement writes many entries (DuckDB runs batched statements one by one). */
  static final int CHUNK = 200;

  @Override
  public void put(String namespace, Map<String, String> entries) {
    if (entries.isEmpty()) return;
    List<Map.Entry<String, String>> all = List.copyOf(entries.entrySet());
    tx.write("save collector state " + namespace, c -> {
      Timestamp now = Timestamp.from(clock.instant());
      for (List<Map.Entry<String, String>> part : chunks(all)) {
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO collector_state (namespace, state_key, state_value, updated_at) VALUES "
                + String.join(", ", java.util.Collections.nCopies(part.size(), "(?, ?, ?, ?)"))
                + " ON CONFLICT (namespace, state_key) DO UPDATE SET state_value = excluded.state_value, "
                + "updated_at = excluded.updated_at")) {
          int i = 1;
          for (Map.Entry<String, String> e : part) {
            ps.setString(i++, namespace);
            ps.setString(i++, e.getKey());
            ps.setString(i++, e.getValue());
            ps.setTimestamp(i++, now);
          }
          ps.executeUpdate();
        }
      }
      return null;
    });
  }

  @Override
  public void remove(String namespace, Collection<String> keys) {
    if (keys.isEmpty()) return;
    List<String> all = List.copyOf(new java.util.LinkedHashSet<>(keys));
    tx.write("remove collector state " + namespace, c -> {
      for (List<String> part : chunks(all)) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM collector_state WHERE namespace = ? AND state_key IN ("
            + String.join(", ", java.util.Collections.nCopies(part.size(), "?")) + ")")) {
          ps.setString(1, namespace);
          int i = 2;
          for (String k : part) ps.setString(i++, k);
          ps.executeUpdate();
        }
      }
      return null;
    });
  }

  private static <E> List<List<E>> chunks(List<E> all) {
    List<List<E>> out = new java.util.ArrayList<>();
    for (int from = 0; from < all.size(); from += CHUNK) out.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
    return out;
  }
}
