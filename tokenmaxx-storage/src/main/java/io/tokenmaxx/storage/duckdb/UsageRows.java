package io.tokenmaxx.storage.duckdb;

import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.storage.jdbc.Tables;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import org.duckdb.DuckDBAppender;

/** Appends usage and outcome records in the column order of their tables. */
final class UsageRows {
  private UsageRows() {}

  static void usage(DuckDBAppender a, UsageRecord r) throws SQLException {
    a.append(r.id());
    time(a, r.timestamp());
    text(a, r.source());
    text(a, r.tool());
    text(a, r.provider());
    text(a, r.model());
    text(a, r.person());
    identity(a, r.identity());
    text(a, r.sessionId());
    text(a, r.project());
    a.append(r.inputTokens());
    a.append(r.outputTokens());
    a.append(r.cacheReadTokens());
    a.append(r.cacheWrite5mTokens());
    a.append(r.cacheWrite1hTokens());
    a.append(r.reasoningTokens());
    a.append(r.requests());
    cost(a, r.reportedCost());
    cost(a, r.computedCost());
    text(a, r.priceRef());
    if (r.latencyMs() == null) a.appendNull(); else a.append(r.latencyMs().longValue());
    text(a, r.status());
    text(a, r.promptHash());
  }

  static void outcome(DuckDBAppender a, io.tokenmaxx.model.OutcomeRecord r) throws SQLException {
    a.append(r.id());
    time(a, r.timestamp());
    text(a, r.source());
    text(a, r.tool());
    a.append(r.kind().label());
    a.append(r.value());
    text(a, r.person());
    identity(a, r.identity());
    text(a, r.sessionId());
    text(a, r.project());
    text(a, r.detail());
  }

  /** {@code ts} (whole microseconds) and {@code ts_nanos} (the rest). */
  private static void time(DuckDBAppender a, Instant t) throws SQLException {
    int sub = t.getNano() % 1000;
    a.appendEpochMicros(Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), (t.getNano() - sub) / 1000));
    a.append((short) sub);
  }

  private static void identity(DuckDBAppender a, RawIdentity id) throws SQLException {
    if (id == null) {
      a.appendNull();
      a.appendNull();
    } else {
      a.append(id.kind().label());
      a.append(id.value());
    }
  }

  private static void text(DuckDBAppender a, String s) throws SQLException {
    if (s == null) a.appendNull(); else a.append(s);
  }

  private static void cost(DuckDBAppender a, BigDecimal c) throws SQLException {
    if (c == null) a.appendNull(); else a.append(c.setScale(Tables.COST_SCALE));
  }
}
