package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.storage.UsageRetractions;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

/** {@link UsageRetractions} for both backends: one DELETE while the record writers are idle. */
public final class JdbcRetractions implements UsageRetractions {
  private final Transactions tx;
  private final RollupHook rollups;

  public JdbcRetractions(Transactions tx) {
    this(tx, RollupHook.NONE);
  }

  /** @param rollups keeps the usage rollups in step with the deletion, in its transaction */
  public JdbcRetractions(Transactions tx, RollupHook rollups) {
    this.tx = tx;
    this.rollups = rollups;
  }

  @Override
  public boolean exists(String tool, String idPrefix, String sessionId, String project, Instant since) {
    Objects.requireNonNull(idPrefix, "idPrefix");
    Objects.requireNonNull(since, "since");
    StringBuilder where = new StringBuilder("ts >= ? AND substr(id, 1, ?) = ?");
    java.util.List<Object> params = new java.util.ArrayList<>(java.util.List.of(
        java.time.OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC), idPrefix.length(), idPrefix));
    if (tool != null) {
      where.append(" AND tool = ?");
      params.add(tool);
    }
    if (sessionId != null) {
      where.append(" AND session_id = ?");
      params.add(sessionId);
    } else if (project != null) {
      where.append(" AND project = ?");
      params.add(project);
    }
    String sql = "SELECT 1 FROM " + Tables.USAGE + " WHERE " + where + " LIMIT 1";
    return tx.read("look for usage records to retract", c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
        try (java.sql.ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  @Override
  public long retract(String tool, String idPrefix, String sessionId, String project, Instant since) {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(idPrefix, "idPrefix");
    Objects.requireNonNull(since, "since");
    if (sessionId == null && project == null) {
      throw new IllegalArgumentException("a retraction needs a session or a project");
    }
    String scope = sessionId != null ? "session_id = ?" : "project = ?";
    String where = "ts >= ? AND tool = ? AND " + scope + " AND substr(id, 1, ?) = ?";
    String sql = "DELETE FROM " + Tables.USAGE + " WHERE " + where;
    java.util.List<Object> params = java.util.List.of(java.time.OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC),
        tool, sessionId != null ? sessionId : project, idPrefix.length(), idPrefix);
    return tx.writeWhileWritersIdle("retract usage of " + tool + " " + (sessionId != null ? sessionId : project),
        c -> {
          rollups.beforeDelete(c, where, params);
          long deleted;
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
            deleted = ps.executeUpdate();
          }
          rollups.afterDelete(c);
          return deleted;
        });
  }
}
