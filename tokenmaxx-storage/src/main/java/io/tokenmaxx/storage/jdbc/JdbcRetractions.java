package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.storage.UsageRetractions;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;

/** {@link UsageRetractions} for both backends: one DELETE while the record writers are idle. */
public final class JdbcRetractions implements UsageRetractions {
  private final Transactions tx;

  public JdbcRetractions(Transactions tx) {
    this.tx = tx;
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
    String sql = "DELETE FROM " + Tables.USAGE + " WHERE ts >= ? AND tool = ? AND " + scope
        + " AND substr(id, 1, ?) = ?";
    return tx.writeWhileWritersIdle("retract usage of " + tool + " " + (sessionId != null ? sessionId : project),
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(since));
            ps.setString(2, tool);
            ps.setString(3, sessionId != null ? sessionId : project);
            ps.setInt(4, idPrefix.length());
            ps.setString(5, idPrefix);
            return (long) ps.executeUpdate();
          } catch (SQLException e) {
            throw e;
          }
        });
  }
}
