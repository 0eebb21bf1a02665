package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.importer.ImportCursor;
import io.tokenmaxx.importer.ImportCursorStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link ImportCursorStore} in the {@code import_cursor} table, for both backends. */
public final class JdbcImportCursorStore implements ImportCursorStore {
  private static final String COLUMNS = "source, complete_through, last_attempt, last_success, last_error, "
      + "consecutive_failures, records_imported, next_run";

  private final Transactions tx;

  public JdbcImportCursorStore(Transactions tx) {
    this.tx = tx;
  }

  @Override
  public Optional<ImportCursor> load(String source) {
    return tx.read("load the import cursor of " + source, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM import_cursor WHERE source = ?")) {
        ps.setString(1, source);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(cursor(rs)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<ImportCursor> all() {
    return tx.read("load the import cursors", c -> {
      List<ImportCursor> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM import_cursor ORDER BY source");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(cursor(rs));
      }
      return out;
    });
  }

  @Override
  public void save(ImportCursor k) {
    tx.write("save the import cursor of " + k.source(), c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_cursor (" + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source) DO UPDATE SET "
          + "complete_through = excluded.complete_through, last_attempt = excluded.last_attempt, "
          + "last_success = excluded.last_success, last_error = excluded.last_error, "
          + "consecutive_failures = excluded.consecutive_failures, records_imported = excluded.records_imported, "
          + "next_run = excluded.next_run")) {
        ps.setString(1, k.source());
        ps.setObject(2, k.completeThrough());
        ps.setObject(3, ts(k.lastAttempt()));
        ps.setObject(4, ts(k.lastSuccess()));
        ps.setString(5, k.lastError());
        ps.setInt(6, k.consecutiveFailures());
        ps.setLong(7, k.recordsImported());
        ps.setObject(8, ts(k.nextRun()));
        ps.executeUpdate();
      }
      return null;
    });
  }

  private static OffsetDateTime ts(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, int col) throws SQLException {
    OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static ImportCursor cursor(ResultSet rs) throws SQLException {
    return new ImportCursor(rs.getString(1), rs.getObject(2, LocalDate.class), instant(rs, 3),
        instant(rs, 4), rs.getString(5), rs.getInt(6), rs.getLong(7), instant(rs, 8));
  }
}
