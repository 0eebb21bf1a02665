package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.metering.KeyRouting;
import io.tokenmaxx.metering.KeyRoutingStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link KeyRoutingStore} in the {@code gateway_key_routing} table (models one per line), for both backends. */
public final class JdbcKeyRouting implements KeyRoutingStore {
  private final Transactions tx;

  public JdbcKeyRouting(Transactions tx) {
    this.tx = tx;
  }

  @Override
  public void put(String tokenId, KeyRouting routing) {
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(routing, "routing");
    RecordChecks.checkText("key routing of " + tokenId, "strategy", routing.strategy());
    tx.write("store key routing", c -> {
      JdbcDirectory.update(c, "DELETE FROM gateway_key_routing WHERE token_id = ?", List.of(tokenId));
      if (!routing.isDefault()) {
        List<Object> v = new ArrayList<>(3);
        v.add(tokenId);
        v.add(routing.strategy());
        v.add(String.join("\n", routing.models()));
        JdbcDirectory.update(c, "INSERT INTO gateway_key_routing (token_id, strategy, models) VALUES (?, ?, ?)", v);
      }
      return null;
    });
  }

  @Override
  public Optional<KeyRouting> find(String tokenId) {
    return Optional.ofNullable(read("WHERE token_id = ?", List.of(tokenId)).get(tokenId));
  }

  @Override
  public Map<String, KeyRouting> all() {
    return read("", List.of());
  }

  private Map<String, KeyRouting> read(String where, List<Object> params) {
    Map<String, KeyRouting> out = new LinkedHashMap<>();
    tx.read("read key routing", c -> {
      JdbcDirectory.query(c, "SELECT token_id, strategy, models FROM gateway_key_routing " + where + " ORDER BY token_id",
          params, rs -> out.put(rs.getString(1), new KeyRouting(rs.getString(2), models(rs.getString(3)))));
      return null;
    });
    return out;
  }

  private static List<String> models(String lines) {
    return lines == null || lines.isEmpty() ? List.of() : Arrays.asList(lines.split("\n"));
  }
}
