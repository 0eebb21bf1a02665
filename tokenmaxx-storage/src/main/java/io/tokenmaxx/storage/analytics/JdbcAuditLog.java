package io.tokenmaxx.storage.analytics;

import io.tokenmaxx.analyze.AuditEntry;
import io.tokenmaxx.analyze.AuditLog;
import io.tokenmaxx.storage.jdbc.Dialect;
import io.tokenmaxx.storage.jdbc.Tables;
import io.tokenmaxx.storage.jdbc.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@link AuditLog} in the store's {@code audit_log} table (times to the microsecond). */
public final class JdbcAuditLog implements AuditLog {
  private static final int MAX_TEXT = 4000;
  private final Transactions tx;
  private final Dialect dialect;

  public JdbcAuditLog(Transactions tx, Dialect dialect) {
    this.tx = tx;
    this.dialect = dialect;
  }

  @Override
  public void append(AuditEntry e) {
    Objects.requireNonNull(e, "entry");
    tx.write("append to the audit log", c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + Tables.AUDIT_LOG
          + " (happened_at, viewer, action, resource, person, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
        ps.setObject(1, OffsetDateTime.ofInstant(e.at().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
        ps.setString(2, clip(e.viewer()));
        ps.setString(3, clip(e.action()));
        ps.setString(4, clip(e.resource()));
        ps.setString(5, clip(e.person()));
        ps.setString(6, clip(e.detail()));
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** Long details are cut (the log is for people to read); NUL is not storable in PostgreSQL. */
  private static String clip(String s) {
    if (s == null) return null;
    String t = s.replace('\u0000', ' ');
    return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t;
  }

  @Override
  public List<AuditEntry> entries(Instant from, Instant to, String person, String viewer, int limit) {
    if (limit < 0) throw new IllegalArgumentException("limit must be >= 0, was " + limit);
    Where w = new Where();
    if (from != null) w.add("happened_at >= ?", OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
    if (to != null) w.add("happened_at < ?", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
    if (person != null) w.add("person = ?", person);
    if (viewer != null) w.add("viewer = ?", viewer);
    String sql = "SELECT happened_at, viewer, action, resource, person, detail FROM " + Tables.AUDIT_LOG + w.sql()
        + " ORDER BY happened_at DESC, " + dialect.textOrder("viewer") + " LIMIT " + limit;
    return tx.read("read the audit log", c -> {
      List<AuditEntry> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < w.params.size(); i++) ps.setObject(i + 1, w.params.get(i));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new AuditEntry(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6)));
          }
        }
      }
      return out;
    });
  }
}
