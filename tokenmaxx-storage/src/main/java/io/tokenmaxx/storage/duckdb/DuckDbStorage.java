package io.tokenmaxx.storage.duckdb;

import io.tokenmaxx.account.AccountStore;
import io.tokenmaxx.account.SessionStore;
import io.tokenmaxx.component.CheckResult;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.TokenStore;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.storage.OutcomeConsumer;
import io.tokenmaxx.storage.DemandStore;
import io.tokenmaxx.storage.StorageComponent;
import io.tokenmaxx.storage.StorageException;
import io.tokenmaxx.storage.UsageConsumer;
import io.tokenmaxx.storage.UsageStore;
import io.tokenmaxx.checkin.CheckinStore;
import io.tokenmaxx.guard.FeatureSource;
import io.tokenmaxx.guard.FlagStore;
import io.tokenmaxx.storage.jdbc.CheckinTables;
import io.tokenmaxx.storage.jdbc.GroupCommitWriter;
import io.tokenmaxx.storage.jdbc.JdbcAccountStore;
import io.tokenmaxx.storage.jdbc.JdbcRetractions;
import io.tokenmaxx.storage.jdbc.JdbcStateStore;
import io.tokenmaxx.storage.StateStore;
import io.tokenmaxx.storage.UsageRetractions;
import io.tokenmaxx.storage.jdbc.JdbcDirectory;
import io.tokenmaxx.storage.jdbc.JdbcSessionStore;
import io.tokenmaxx.storage.jdbc.JdbcTokenStore;
import io.tokenmaxx.storage.jdbc.JdbcDemandStore;
import io.tokenmaxx.storage.jdbc.JdbcUsageStore;
import io.tokenmaxx.storage.jdbc.Migrations;
import io.tokenmaxx.storage.jdbc.RecordChecks;
import io.tokenmaxx.storage.jdbc.Tables;
import io.tokenmaxx.storage.jdbc.Transactions;
import io.tokenmaxx.analyze.AuditLog;
import io.tokenmaxx.analyze.store.AnalyticsStore;
import io.tokenmaxx.storage.analytics.JdbcAnalyticsStore;
import io.tokenmaxx.storage.analytics.JdbcAuditLog;
import io.tokenmaxx.storage.analytics.Rollups;
import io.tokenmaxx.storage.jdbc.RollupHook;
import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.duckdb.DuckDBConnection;

/**
 * The embedded store: one DuckDB database file (or memory), opened on first use. Writes go through
 * one {@link GroupCommitWriter} per table on a connection of their own; reads use a fresh
 * duplicate of the database connection each, so they run beside writes on a consistent snapshot.
 *
 * <p>DuckDB lets one process open a file for writing; a second gets a {@link StorageException}
 * naming the file.
 */
public final class DuckDbStorage implements StorageComponent {

  public static Builder builder() {
    return new Builder();
  }

  /** WAL size that triggers a checkpoint unless {@link Builder#checkpointThreshold} says otherwise. */
  public static final String DEFAULT_CHECKPOINT_THRESHOLD = "256MB";

  public static final class Builder {
    private Path path;
    private boolean inMemory;
    private int threads;
    private String memoryLimit;
    private String checkpointThreshold = DEFAULT_CHECKPOINT_THRESHOLD;
    private int maxGroupRecords = 200_000;
    private boolean rollups = true;
    private int compactAfter = Rollups.COMPACT_AFTER;
    private Clock clock = Clock.systemUTC();

    Builder() {}

    /** Time source for alias and token timestamps (default: the system clock, UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The database file (created with its parent folders when missing). */
    public Builder path(Path file) {
      this.path = Objects.requireNonNull(file, "path");
      this.inMemory = false;
      return this;
    }

    /** A database that lives in memory and is gone on close (tests, one-shot reports). */
    public Builder inMemory() {
      this.inMemory = true;
      this.path = null;
      return this;
    }

    /** DuckDB worker threads; 0 (default) lets DuckDB use every core. */
    public Builder threads(int threads) {
      if (threads < 0) throw new IllegalArgumentException("threads must be >= 0, was " + threads);
      this.threads = threads;
      return this;
    }

    /** DuckDB's memory limit, e.g. "2GB"; null (default) is DuckDB's own (80% of RAM). */
    public Builder memoryLimit(String limit) {
      this.memoryLimit = limit;
      return this;
    }

    /**
     * WAL size after which DuckDB checkpoints (writes the WAL into the database file), e.g.
     * "256MB". DuckDB's own default (16 MB) makes a sustained ingest checkpoint every few seconds,
     * which took about half of each commit's time (RATIONALE.md); a larger WAL costs a longer replay
     * after a crash (seconds for 256 MB).
     */
    public Builder checkpointThreshold(String size) {
      if (size == null || !size.strip().matches("(?i)\\d+(\\.\\d+)?\\s*(b|kb|mb|gb|kib|mib|gib)")) {
        throw new IllegalArgumentException("checkpoint threshold must be a size such as 256MB, was '" + size + "'");
      }
      this.checkpointThreshold = size.strip();
      return this;
    }

    /**
     * Off: the analytics rollups are not kept up at ingest — only to measure what keeping them
     * costs; analytics answers are then wrong until {@link DuckDbStorage#rebuildAnalytics()}.
     */
    public Builder analyticsRollups(boolean keep) {
      this.rollups = keep;
      return this;
    }

    /** Rollup rows appended after which the hours they touched are compacted (default 50 000). */
    public Builder analyticsCompactAfter(int rows) {
      if (rows < 1) throw new IllegalArgumentException("analyticsCompactAfter must be >= 1, was " + rows);
      this.compactAfter = rows;
      return this;
    }

    /** Most records written in one transaction when concurrent batches are grouped (default 200k). */
    public Builder maxGroupRecords(int records) {
      if (records < 1) throw new IllegalArgumentException("maxGroupRecords must be >= 1, was " + records);
      this.maxGroupRecords = records;
      return this;
    }

    public DuckDbStorage build() {
      if (path == null && !inMemory) {
        throw new IllegalArgumentException("DuckDB storage needs a database file (path) or inMemory()");
      }
      return new DuckDbStorage(this);
    }
  }

  private final Path path;
  private final int threads;
  private final String checkpointThreshold;
  private final String memoryLimit;
  private final int maxGroupRecords;
  private final boolean keepRollups;
  private final int compactAfter;
  private final Clock clock;
  private final String description;
  private final UsageConsumer usageConsumer = this::acceptUsage;
  private final OutcomeConsumer outcomeConsumer = this::acceptOutcomes;

  private volatile Open open;
  private boolean closed;

  /** What exists once the database is open. */
  private record Open(DuckDBConnection database, DuckDBConnection usageWriter, DuckDBConnection outcomeWriter,
      GroupCommitWriter<UsageRecord> usage, GroupCommitWriter<OutcomeRecord> outcomes,
      JdbcUsageStore store, Directory directory, TokenStore tokens, JdbcAnalyticsStore analytics,
      AuditLog audit, Rollups usageRollups, Rollups outcomeRollups, Transactions tx, AccountStore accounts,
      SessionStore sessions,
      UsageRetractions retractions, StateStore state, CheckinTables checkins) {}

  private DuckDbStorage(Builder b) {
    this.path = b.path;
    this.threads = b.threads;
    this.checkpointThreshold = b.checkpointThreshold;
    this.memoryLimit = b.memoryLimit;
    this.maxGroupRecords = b.maxGroupRecords;
    this.keepRollups = b.rollups;
    this.compactAfter = b.compactAfter;
    this.clock = b.clock;
    this.description = path == null ? "in-memory DuckDB database" : "DuckDB database " + path.toAbsolutePath();
  }

  /** The database file, or null when in memory. */
  public Path path() {
    return path;
  }

  @Override
  public UsageConsumer usageConsumer() {
    return usageConsumer;
  }

  @Override
  public OutcomeConsumer outcomeConsumer() {
    return outcomeConsumer;
  }

  @Override
  public UsageStore usageStore() {
    return open().store();
  }

  @Override
  public DemandStore demand() {
    return new JdbcDemandStore(open().database()::duplicate, DuckDbDialect.INSTANCE, description);
  }

  private void acceptUsage(List<UsageRecord> records) {
    RecordChecks.checkUsage(records);
    if (!records.isEmpty()) open().usage().write(records);
  }

  private void acceptOutcomes(List<OutcomeRecord> records) {
    RecordChecks.checkOutcomes(records);
    if (!records.isEmpty()) open().outcomes().write(records);
  }

  @Override
  public Directory directory() {
    return open().directory();
  }

  private volatile io.tokenmaxx.storage.jdbc.MeteringTables metering;

  private io.tokenmaxx.storage.jdbc.MeteringTables metering() {
    io.tokenmaxx.storage.jdbc.MeteringTables m = metering;
    if (m != null) return m;
    Open o = open();
    synchronized (this) {
      if (metering == null) metering = new io.tokenmaxx.storage.jdbc.MeteringTables(o.tx());
      return metering;
    }
  }

  @Override
  public io.tokenmaxx.metering.BudgetLedger budgetLedger() {
    return metering().ledger();
  }

  @Override
  public io.tokenmaxx.metering.CascadeStore cascades() {
    return metering().cascades();
  }

  @Override
  public io.tokenmaxx.metering.RoutingLog routingLog() {
    return metering().routing();
  }

  @Override
  public io.tokenmaxx.metering.KeyRoutingStore keyRouting() {
    return metering().keyRouting();
  }

  @Override
  public TokenStore tokens() {
    return open().tokens();
  }

  @Override
  public CheckinStore checkins() {
    return open().checkins().checkins();
  }

  @Override
  public FlagStore flags() {
    return open().checkins().flags();
  }

  @Override
  public FeatureSource guardFeatures() {
    return open().checkins().features();
  }

  @Override
  public AccountStore accounts() {
    return open().accounts();
  }

  @Override
  public SessionStore sessions() {
    return open().sessions();
  }

  @Override
  public AnalyticsStore analytics() {
    return open().analytics();
  }

  @Override
  public AuditLog auditLog() {
    return open().audit();
  }

  /**
   * Recomputes the analytics rollups from every stored record, while the writers are idle (after a
   * bulk load straight into the record tables, or to repair).
   */
  public void rebuildAnalytics() {
    Open o = open();
    o.tx().writeWhileWritersIdle("rebuild the analytics rollups", c -> {
      o.usageRollups().rebuild(c);
      o.outcomeRollups().rebuild(c);
      return null;
    });
  }

  @Override
  public UsageRetractions retractions() {
    return open().retractions();
  }

  @Override
  public StateStore state() {
    return open().state();
  }

  @Override
  public io.tokenmaxx.importer.ImportCursorStore importCursors() {
    return new io.tokenmaxx.storage.jdbc.JdbcImportCursorStore(open().tx());
  }

  @Override
  public io.tokenmaxx.importer.ImportAggregateStore importAggregates() {
    Open o = open();
    return new io.tokenmaxx.storage.jdbc.JdbcImportAggregates(o.tx(), keepRollups ? o.usageRollups() : io.tokenmaxx.storage.jdbc.RollupHook.NONE, keepRollups ? o.outcomeRollups() : io.tokenmaxx.storage.jdbc.RollupHook.NONE);
  }

  @Override
  public CheckResult check() {
    try {
      Open o = open();
      try (DuckDBConnection c = (DuckDBConnection) o.database().duplicate();
          Statement s = c.createStatement()) {
        s.execute("SELECT COUNT(*) FROM " + Tables.SCHEMA_VERSION);
      }
      return CheckResult.ok(description);
    } catch (SQLException e) {
      return CheckResult.failed(description, DuckDbErrors.failed(description, "answer a query", e));
    } catch (RuntimeException e) {
      return CheckResult.failed(description, e);
    }
  }

  private Open open() {
    Open o = open;
    if (o != null) return o;
    synchronized (this) {
      if (closed) throw new StorageException(description + " is closed");
      if (open == null) open = doOpen();
      return open;
    }
  }

  private Open doOpen() {
    DuckDBConnection database;
    try {
      if (path != null && path.toAbsolutePath().getParent() != null) {
        Files.createDirectories(path.toAbsolutePath().getParent());
      }
      Properties props = new Properties();
      if (threads > 0) props.setProperty("threads", Integer.toString(threads));
      if (memoryLimit != null) props.setProperty("memory_limit", memoryLimit);
      props.setProperty("checkpoint_threshold", checkpointThreshold);
      String url = path == null ? "jdbc:duckdb:" : "jdbc:duckdb:" + path.toAbsolutePath();
      database = (DuckDBConnection) DriverManager.getConnection(url, props);
    } catch (SQLException e) {
      throw DuckDbErrors.opening(description, e);
    } catch (java.io.IOException e) {
      throw new StorageException("cannot create the folder of " + description + ": " + e.getMessage(), e);
    }
    DuckDBConnection usageWriter = null;
    DuckDBConnection outcomeWriter = null;
    try {
      new Migrations("db/duckdb", description).migrate(database);
      // One writer connection per table: their transactions never touch the same rows.
      usageWriter = writerConnection(database);
      outcomeWriter = writerConnection(database);
      Rollups usageRollups = Rollups.usage(DuckDbDialect.INSTANCE, compactAfter);
      Rollups outcomeRollups = Rollups.outcomes(DuckDbDialect.INSTANCE, compactAfter);
      RollupHook usageHook = keepRollups ? usageRollups : RollupHook.NONE;
      RollupHook outcomeHook = keepRollups ? outcomeRollups : RollupHook.NONE;
      var usage = new GroupCommitWriter<>(new DuckDbUpsert<>(usageWriter, Tables.USAGE, UsageRows::usage, usageHook),
          UsageRecord::id, e -> DuckDbErrors.failed(description, "store usage records", e), maxGroupRecords);
      var outcomes = new GroupCommitWriter<>(new DuckDbUpsert<>(outcomeWriter, Tables.OUTCOME, UsageRows::outcome, outcomeHook),
          OutcomeRecord::id, e -> DuckDbErrors.failed(description, "store outcome records", e), maxGroupRecords);
      var store = new JdbcUsageStore(database::duplicate, DuckDbDialect.INSTANCE, description);
      var tx = new Transactions(database::duplicate, body -> usage.exclusive(() -> outcomes.exclusive(body)), description);
      return new Open(database, usageWriter, outcomeWriter, usage, outcomes, store,
          new JdbcDirectory(tx, clock), new JdbcTokenStore(tx, DuckDbDialect.INSTANCE, clock),
          new JdbcAnalyticsStore(database::duplicate, DuckDbDialect.INSTANCE, description),
          new JdbcAuditLog(tx, DuckDbDialect.INSTANCE), usageRollups, outcomeRollups, tx,
          new JdbcAccountStore(tx, DuckDbDialect.INSTANCE, clock), new JdbcSessionStore(tx, DuckDbDialect.INSTANCE),
          new JdbcRetractions(tx, usageHook), new JdbcStateStore(tx, clock),
          new CheckinTables(tx, DuckDbDialect.INSTANCE, database::duplicate, description));
    } catch (SQLException | RuntimeException e) {
      closeQuietly(usageWriter);
      closeQuietly(outcomeWriter);
      closeQuietly(database);
      if (e instanceof RuntimeException re) throw re;
      throw DuckDbErrors.failed(description, "prepare the writer", (SQLException) e);
    }
  }

  private static DuckDBConnection writerConnection(DuckDBConnection database) throws SQLException {
    DuckDBConnection c = (DuckDBConnection) database.duplicate();
    c.setAutoCommit(false);
    return c;
  }

  @Override
  public void close() {
    Open o;
    synchronized (this) {
      closed = true;
      o = open;
      open = null;
    }
    if (o == null) return;
    // Wait for a write in progress: closing a DuckDB connection under a running statement is unsafe.
    o.usage().exclusive(() -> closeQuietly(o.usageWriter()));
    o.outcomes().exclusive(() -> closeQuietly(o.outcomeWriter()));
    closeQuietly(o.database());
  }

  private static Void closeQuietly(AutoCloseable c) {
    if (c == null) return null;
    try {
      c.close();
    } catch (Exception ignored) {
      // closing: nothing more to do
    }
    return null;
  }

  @Override
  public String toString() {
    return description;
  }
}
