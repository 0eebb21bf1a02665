package io.tokenmaxx.bench.storage;

import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.storage.StorageComponent;
import io.tokenmaxx.storage.duckdb.DuckDbStorage;
import io.tokenmaxx.storage.postgres.PostgresStorage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Ingest throughput through the storage consumers (validation, staging, upsert, commit: durable on
 * return), beside its peers in the same run: the raw DuckDB Appender with no upsert (the ceiling),
 * DuckDB PreparedStatement batches (the usual JDBC way) and the PostgreSQL backend.
 *
 * <p>Run: {@code bench/storage-ingest.sh} (args: {@code quick} for a shorter run).
 */
public final class StorageIngestBench {
  private record Result(String name, int records, double seconds) {
    double perSecond() {
      return records / seconds;
    }
  }

  private final List<Result> results = new ArrayList<>();
  private final Path dir;
  private final int scale;

  private StorageIngestBench(Path dir, int scale) {
    this.dir = dir;
    this.scale = scale;
  }

  public static void main(String[] args) throws Exception {
    int scale = args.length > 0 && args[0].equals("quick") ? 4 : 1;
    Path dir = Files.createTempDirectory("tokenmaxx-ingest-bench");
    try {
      new StorageIngestBench(dir, scale).run();
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void run() throws Exception {
    System.out.printf(Locale.ROOT, "%d cores, %s%n", Runtime.getRuntime().availableProcessors(), Runtime.version());
    // Warm up the JIT and DuckDB's native library once, unmeasured.
    try (DuckDbStorage warm = duck("warmup")) {
      feed(warm, IngestRecords.generate(0, 50_000, 0), 5_000);
    }
    rawAppender(10_000, 500_000 / scale);
    for (int batch : new int[] {1_000, 10_000, 100_000}) {
      int n = (batch == 1_000 ? 200_000 : batch == 10_000 ? 500_000 : 1_000_000) / scale;
      List<UsageRecord> records = IngestRecords.generate(batch, n, 0);
      try (DuckDbStorage s = duck("batch" + batch)) {
        results.add(new Result("tokenmaxx DuckDB, new ids, batches of " + batch, n, feed(s, records, batch)));
        if (batch == 10_000) {
          List<UsageRecord> again = resent(records.subList(0, n / 2));
          results.add(new Result("tokenmaxx DuckDB, re-sent ids (replace), batches of " + batch, again.size(),
              feed(s, again, batch)));
        }
      }
    }
    concurrent(4, 1_000, 400_000 / scale);
    preparedStatements(1_000, 20_000 / scale);
    postgres(10_000, 200_000 / scale);
    print();
  }

  private DuckDbStorage duck(String name) {
    return DuckDbStorage.builder().path(dir.resolve(name + ".db")).build();
  }

  /** Every record again with one field changed: all ids are stored already. */
  private static List<UsageRecord> resent(List<UsageRecord> records) {
    List<UsageRecord> out = new ArrayList<>(records.size());
    for (UsageRecord r : records) out.add(r.toBuilder().outputTokens(r.outputTokens() + 1).build());
    return out;
  }

  private static double feed(StorageComponent s, List<UsageRecord> records, int batch) {
    long t0 = System.nanoTime();
    for (int from = 0; from < records.size(); from += batch) {
      s.usageConsumer().accept(records.subList(from, Math.min(records.size(), from + batch)));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (s.usageStore().countUsage() < records.size() / 2) throw new IllegalStateException("records missing");
    return seconds;
  }

  private void concurrent(int threads, int batch, int n) throws Exception {
    List<UsageRecord> records = IngestRecords.generate(7, n, 0);
    try (DuckDbStorage s = duck("concurrent")) {
      s.check();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        int per = n / threads;
        for (int t = 0; t < threads; t++) {
          List<UsageRecord> mine = records.subList(t * per, (t + 1) * per);
          done.add(pool.submit(() -> feed(s, mine, batch)));
        }
        for (Future<?> f : done) f.get();
        results.add(new Result("tokenmaxx DuckDB, " + threads + " threads x batches of " + batch
            + " (group commit)", per * threads, (System.nanoTime() - t0) / 1e9));
      } finally {
        pool.shutdown();
      }
    }
  }

  /** Peer: the Appender straight into a table without a key, commit per batch; no upsert, no checks. */
  private void rawAppender(int batch, int n) throws SQLException {
    List<UsageRecord> records = IngestRecords.generate(3, n, 0);
    try (DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("raw.db"))) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE u (id VARCHAR, ts TIMESTAMP, source VARCHAR, tool VARCHAR, model VARCHAR, "
            + "person VARCHAR, input BIGINT, output BIGINT, cache_read BIGINT, cost DECIMAL(38,18))");
      }
      c.setAutoCommit(false);
      long t0 = System.nanoTime();
      for (int from = 0; from < n; from += batch) {
        try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "u")) {
          for (UsageRecord r : records.subList(from, Math.min(n, from + batch))) {
            a.beginRow().append(r.id()).appendEpochMicros(r.timestamp().toEpochMilli() * 1000).append(r.source())
                .append(r.tool()).append(r.model()).append(r.person()).append(r.inputTokens())
                .append(r.outputTokens()).append(r.cacheReadTokens())
                .append(r.computedCost().setScale(18)).endRow();
          }
        }
        c.commit();
      }
      results.add(new Result("peer: raw DuckDB Appender, no key/upsert, batches of " + batch, n, (System.nanoTime() - t0) / 1e9));
    }
  }

  /** Peer: the same rows with PreparedStatement batches (what JDBC code usually does). */
  private void preparedStatements(int batch, int n) throws SQLException {
    List<UsageRecord> records = IngestRecords.generate(4, n, 0);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("prepared.db"))) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE u (id VARCHAR PRIMARY KEY, ts TIMESTAMP, source VARCHAR, tool VARCHAR, model VARCHAR, "
            + "person VARCHAR, input BIGINT, output BIGINT, cache_read BIGINT, cost DECIMAL(38,18))");
      }
      c.setAutoCommit(false);
      long t0 = System.nanoTime();
      try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO u VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int from = 0; from < n; from += batch) {
          for (UsageRecord r : records.subList(from, Math.min(n, from + batch))) {
            ps.setString(1, r.id());
            ps.setTimestamp(2, Timestamp.from(r.timestamp()));
            ps.setString(3, r.source());
            ps.setString(4, r.tool());
            ps.setString(5, r.model());
            ps.setString(6, r.person());
            ps.setLong(7, r.inputTokens());
            ps.setLong(8, r.outputTokens());
            ps.setLong(9, r.cacheReadTokens());
            ps.setBigDecimal(10, r.computedCost() == null ? BigDecimal.ZERO : r.computedCost());
            ps.addBatch();
          }
          ps.executeBatch();
          c.commit();
        }
      }
      results.add(new Result("peer: DuckDB PreparedStatement batches of " + batch + " (upsert)", n, (System.nanoTime() - t0) / 1e9));
    }
  }

  private void postgres(int batch, int n) throws SQLException, IOException {
    String url = System.getenv().getOrDefault("TOKENMAXX_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    String user = System.getenv().getOrDefault("TOKENMAXX_BENCH_PG_USER", "postgres");
    String schema = "tm_bench_" + ProcessHandle.current().pid();
    try (Connection probe = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "user=" + user)) {
      probe.isValid(2);
    } catch (SQLException e) {
      System.out.println("PostgreSQL not reachable at " + url + ": skipped (" + e.getMessage() + ")");
      return;
    }
    List<UsageRecord> records = IngestRecords.generate(5, n, 0);
    try (PostgresStorage s = PostgresStorage.builder().url(url).user(user).schema(schema).build()) {
      s.check();
      results.add(new Result("tokenmaxx PostgreSQL, new ids, batches of " + batch, n, feed(s, records, batch)));
      List<UsageRecord> again = resent(records.subList(0, n / 2));
      results.add(new Result("tokenmaxx PostgreSQL, re-sent ids (replace), batches of " + batch, again.size(), feed(s, again, batch)));
    } finally {
      try (Connection c = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "user=" + user);
          Statement st = c.createStatement()) {
        st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  private void print() {
    double ceiling = results.getFirst().perSecond();
    System.out.println();
    System.out.println("| scenario | records | seconds | records/s | vs raw Appender |");
    System.out.println("|---|---:|---:|---:|---:|");
    for (Result r : results) {
      System.out.printf(Locale.ROOT, "| %s | %,d | %.2f | %,.0f | %.2f |%n", r.name(), r.records(), r.seconds(),
          r.perSecond(), r.perSecond() / ceiling);
    }
  }
}
