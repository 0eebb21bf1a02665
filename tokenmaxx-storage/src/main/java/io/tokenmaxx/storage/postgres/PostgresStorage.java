package io.tokenmaxx.storage.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
import java.time.Clock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The server-grade store: tables in one schema of a PostgreSQL database (14 or newer). Writes are
 * COPY into a staging table plus one upsert per transaction, grouped across concurrent callers
 * like {@link io.tokenmaxx.storage.duckdb.DuckDbStorage}; reads borrow from a small HikariCP pool.
 * Nothing connects before first use or {@link #check()}.
 */
public final class PostgresStorage implements StorageComponent {
  private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  /** Key of the advisory lock that serializes migrations between processes starting together. */
  private static final long MIGRATION_LOCK = 0x746f6b656e6d6178L;

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder {
    private String url;
    private String user;
    private String password;
    private String schema = "public";
    private int poolSize = 4;
    private int maxGroupRecords = 200_000;
    private int compactAfter = Rollups.COMPACT_AFTER;
    private Clock clock = Clock.systemUTC();

    Builder() {}

    /** Time source for alias and token timestamps (default: the system clock, UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/tokenmaxx}. */
    public Builder url(String url) {
      this.url = Objects.requireNonNull(url, "url");
      return this;
    }

    public Builder user(String user) {
      this.user = user;
      return this;
    }

    public Builder password(String password) {
      this.password = password;
      return this;
    }

    /** Schema holding the tables (created when missing); lower-case letters, digits and '_'. */
    public Builder schema(String schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
      return this;
    }

    /** Connections kept for reads (default 4); writes use one more per table. */
    public Builder poolSize(int size) {
      if (size < 1) throw new IllegalArgumentException("poolSize must be >= 1, was " + size);
      this.poolSize = size;
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

    public PostgresStorage build() {
      if (url == null || !url.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("PostgreSQL storage needs a url starting with jdbc:postgresql:, was " + url);
      }
      if (!SCHEMA.matcher(schema).matches()) {
        throw new IllegalArgumentException("PostgreSQL schema '" + schema
            + "' must be lower-case letters, digits and '_', starting with a letter or '_'");
      }
      return new PostgresStorage(this);
    }
  }

  private final String url;
  private final String user;
  private final String password;
  private final String schema;
  private final int poolSize;
  private final int maxGroupRecords;
  private final int compactAfter;
  private final Clock clock;
  private final String description;
  private final UsageConsumer usageConsumer = this::acceptUsage;
  private final OutcomeConsumer outcomeConsumer = this::acceptOutcomes;

  private volatile Open open;
  private boolean closed;

  private record Open(HikariDataSource pool, PostgresUpsert<UsageRecord> usageUpsert,
      PostgresUpsert<OutcomeRecord> outcomeUpsert, GroupCommitWriter<UsageRecord> usage,
      GroupCommitWriter<OutcomeRecord> outcomes, JdbcUsageStore store, JdbcAnalyticsStore analytics, AuditLog audit,
      Rollups usageRollups, Rollups outcomeRollups, Transactions tx, Directory directory,
      TokenStore tokens, AccountStore accounts, SessionStore sessions, UsageRetractions retractions, StateStore state, CheckinTables checkins) {}

  private PostgresStorage(Builder b) {
    this.url = b.url;
    this.user = b.user;
    this.password = b.password;
    this.schema = b.schema;
    this.poolSize = b.poolSize;
    this.maxGroupRecords = b.maxGroupRecords;
    this.compactAfter = b.compactAfter;
    this.clock = b.clock;
    this.description = "PostgreSQL " + redact(url) + " schema " + schema;
  }

  public String schema() {
    return schema;
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
    return new JdbcDemandStore(open().pool()::getConnection, PostgresDialect.INSTANCE, description);
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

  /** Recomputes the analytics rollups from every stored record, while the writers are idle. */
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
    return new io.tokenmaxx.storage.jdbc.JdbcImportAggregates(o.tx(), o.usageRollups(), o.outcomeRollups());
  }

  @Override
  public CheckResult check() {
    try {
      try (Connection c = open().pool().getConnection(); Statement s = c.createStatement()) {
        s.execute("SELECT COUNT(*) FROM " + Tables.SCHEMA_VERSION);
      }
      return CheckResult.ok(description);
    } catch (SQLException e) {
      return CheckResult.failed(description, failed("answer a query", e));
    } catch (RuntimeException e) {
      return CheckResult.failed(description, e);
    }
  }

  /** A new connection (not pooled) with the schema on the search path. */
  Connection connect() throws SQLException {
    Properties props = new Properties();
    if (user != null) props.setProperty("user", user);
    if (password != null) props.setProperty("password", password);
    props.setProperty("currentSchema", schema);
    props.setProperty("ApplicationName", "tokenmaxx");
    return DriverManager.getConnection(url, props);
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
    try (Connection c = connect()) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        s.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
      }
      try {
        new Migrations("db/postgres", description).migrate(c);
      } finally {
        try (Statement s = c.createStatement()) {
          s.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
        }
      }
    } catch (SQLException e) {
      throw new StorageException("cannot open " + description + ": " + e.getMessage(), e);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (user != null) config.setUsername(user);
    if (password != null) config.setPassword(password);
    config.setSchema(schema);
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(1);
    config.setPoolName("tokenmaxx-" + schema);
    HikariDataSource pool = new HikariDataSource(config);
    Rollups usageRollups = Rollups.usage(PostgresDialect.INSTANCE, compactAfter);
    Rollups outcomeRollups = Rollups.outcomes(PostgresDialect.INSTANCE, compactAfter);
    var usageUpsert = new PostgresUpsert<UsageRecord>(this::connect, Tables.USAGE, Tables.USAGE_COLUMNS, CopyText::usage,
        usageRollups);
    var outcomeUpsert = new PostgresUpsert<OutcomeRecord>(this::connect, Tables.OUTCOME, Tables.OUTCOME_COLUMNS,
        CopyText::outcome, outcomeRollups);
    var usage = new GroupCommitWriter<>(usageUpsert, UsageRecord::id,
        e -> failed("store usage records", e), maxGroupRecords);
    var outcomes = new GroupCommitWriter<>(outcomeUpsert, OutcomeRecord::id,
        e -> failed("store outcome records", e), maxGroupRecords);
    var store = new JdbcUsageStore(pool::getConnection, PostgresDialect.INSTANCE, description);
    var tx = new Transactions(pool::getConnection, body -> usage.exclusive(() -> outcomes.exclusive(body)), description);
    return new Open(pool, usageUpsert, outcomeUpsert, usage, outcomes, store,
        new JdbcAnalyticsStore(pool::getConnection, PostgresDialect.INSTANCE, description),
        new JdbcAuditLog(tx, PostgresDialect.INSTANCE), usageRollups, outcomeRollups, tx,
        new JdbcDirectory(tx, clock), new JdbcTokenStore(tx, PostgresDialect.INSTANCE, clock),
        new JdbcAccountStore(tx, PostgresDialect.INSTANCE, clock), new JdbcSessionStore(tx, PostgresDialect.INSTANCE),
        new JdbcRetractions(tx, usageRollups), new JdbcStateStore(tx, clock),
          new CheckinTables(tx, PostgresDialect.INSTANCE, pool::getConnection, description));
  }

  private StorageException failed(String what, SQLException e) {
    return new StorageException(description + ": could not " + what + ": " + e.getMessage(), e);
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
    o.usage().exclusive(() -> {
      o.usageUpsert().close();
      return null;
    });
    o.outcomes().exclusive(() -> {
      o.outcomeUpsert().close();
      return null;
    });
    o.pool().close();
  }

  /** The URL without a password parameter, for messages. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  @Override
  public String toString() {
    return description;
  }
}
