package io.tokenmaxx.bench.analytics;

import io.tokenmaxx.demo.DemoActivity;
import io.tokenmaxx.demo.DemoOrganization;
import io.tokenmaxx.demo.DemoPerson;
import io.tokenmaxx.demo.DemoSink;
import io.tokenmaxx.demo.DemoSpec;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Streams a generated organization's records straight into the record tables with the DuckDB
 * Appender (no staging, no upsert: the ids are new and unique), generation and appending on two
 * threads. Records are priced with {@link BenchPrices}; API-key records of a quarter of the people
 * are left without a person (unknown keys), like the test fixture.
 */
final class BulkLoad {
  private static final int BATCH = 20_000;

  record Counts(long usage, long outcomes, double seconds) {}

  private record Batch(List<UsageRecord> usage, List<OutcomeRecord> outcomes) {}

  private BulkLoad() {}

  static Counts load(Path file, DemoSpec spec, DemoOrganization org, String memoryLimit) throws Exception {
    BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(8);
    long start = System.nanoTime();
    Thread generator = Thread.ofPlatform().name("bench-generator").start(() -> {
      DemoActivity activity = new DemoActivity(spec);
      List<UsageRecord>[] u = new List[] {new ArrayList<UsageRecord>(BATCH)};
      List<OutcomeRecord>[] o = new List[] {new ArrayList<OutcomeRecord>()};
      DemoSink sink = new DemoSink() {
        @Override
        public void usage(UsageRecord r) {
          UsageRecord.Builder b = r.toBuilder().computedCost(BenchPrices.cost(r)).priceRef("bench stand-in");
          if (r.tool().equals("api") && r.person() != null && (r.person().hashCode() & 3) == 0) b.person(null);
          u[0].add(b.build());
          if (u[0].size() == BATCH) flush();
        }

        @Override
        public void outcome(OutcomeRecord r) {
          o[0].add(r);
        }

        void flush() {
          put(queue, new Batch(u[0], o[0]));
          u[0] = new ArrayList<>(BATCH);
          o[0] = new ArrayList<>();
        }
      };
      for (DemoPerson p : org.people()) activity.generate(p, sink);
      put(queue, new Batch(u[0], o[0]));
      put(queue, new Batch(null, null));
    });
    long usage = 0;
    long outcomes = 0;
    Properties props = new Properties();
    props.setProperty("memory_limit", memoryLimit);
    try (DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
        DuckDBAppender ua = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "usage_record");
        DuckDBAppender oa = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "outcome_record")) {
      long next = 10_000_000;
      while (true) {
        Batch b = queue.take();
        if (b.usage() == null) break;
        for (UsageRecord r : b.usage()) usage(ua, r);
        for (OutcomeRecord r : b.outcomes()) outcome(oa, r);
        usage += b.usage().size();
        outcomes += b.outcomes().size();
        if (usage >= next) {
          ua.flush();
          System.err.printf("  %,d usage records appended, %.0f s%n", usage, (System.nanoTime() - start) / 1e9);
          next += 10_000_000;
        }
      }
      ua.flush();
      oa.flush();
    }
    generator.join();
    try (var c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props); Statement s = c.createStatement()) {
      s.execute("CHECKPOINT");
    }
    return new Counts(usage, outcomes, (System.nanoTime() - start) / 1e9);
  }

  private static void put(BlockingQueue<Batch> q, Batch b) {
    try {
      q.put(b);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The usage_record columns, in table order (see Tables.USAGE_COLUMNS). */
  static void usage(DuckDBAppender a, UsageRecord r) throws SQLException {
    a.beginRow();
    a.append(r.id());
    time(a, r.timestamp());
    a.append(r.source());
    a.append(r.tool());
    text(a, r.provider());
    a.append(r.model());
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
    a.append(r.status());
    text(a, r.promptHash());
    a.endRow();
  }

  static void outcome(DuckDBAppender a, OutcomeRecord r) throws SQLException {
    a.beginRow();
    a.append(r.id());
    time(a, r.timestamp());
    a.append(r.source());
    text(a, r.tool());
    a.append(r.kind().label());
    a.append(r.value());
    text(a, r.person());
    identity(a, r.identity());
    text(a, r.sessionId());
    text(a, r.project());
    text(a, r.detail());
    a.endRow();
  }

  private static void time(DuckDBAppender a, Instant t) throws SQLException {
    int sub = t.getNano() % 1000;
    a.appendEpochMicros(t.getEpochSecond() * 1_000_000L + (t.getNano() - sub) / 1000);
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
    if (c == null) a.appendNull(); else a.append(c.setScale(18));
  }
}
