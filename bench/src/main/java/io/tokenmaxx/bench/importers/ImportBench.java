package io.tokenmaxx.bench.importers;

import io.tokenmaxx.collect.vendor.IdentityLink;
import io.tokenmaxx.collect.vendor.ImportScheduler;
import io.tokenmaxx.collect.vendor.ImportSink;
import io.tokenmaxx.collect.vendor.ImporterConfig;
import io.tokenmaxx.collect.vendor.RunResult;
import io.tokenmaxx.collect.vendor.Secret;
import io.tokenmaxx.collect.vendor.Vendor;
import io.tokenmaxx.collect.vendor.VendorImporters;
import io.tokenmaxx.importer.InMemoryImportCursorStore;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * A full backfill from {@link ScaleStandIn} (run in another process): Cursor usage events and daily
 * data, then Claude Code Analytics rows, each through the real importer and scheduler into a sink
 * that counts records, or with a third argument {@code duckdb} into a DuckDB file the way the server
 * stores them ({@link StoringSink}: cursors in the store, daily aggregates through source
 * precedence). Prints records, seconds,
 * records/s (wall and per CPU second of this process), requests' bytes are not counted, and the
 * peak heap and peak RSS of this process.
 *
 * <p>Run: {@code bench/importers/run.sh [people] [days] [eventsPerPersonDay]}.
 */
public final class ImportBench {
  private ImportBench() {}

  static final class CountingSink implements ImportSink {
    final LongAdder usage = new LongAdder();
    final LongAdder outcomes = new LongAdder();
    final LongAdder tokens = new LongAdder();

    @Override
    public void accept(List<UsageRecord> u, List<OutcomeRecord> o) {
      usage.add(u.size());
      outcomes.add(o.size());
      for (UsageRecord r : u) tokens.add(r.totalTokens());
    }

    @Override
    public void dayComplete(String stream, LocalDate day, Set<String> ids) {}

    @Override
    public void identities(List<IdentityLink> links) {}
  }

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    int days = Integer.parseInt(args[1]);
    boolean storing = args.length > 2 && args[2].equals("duckdb");
    Path dbDir = storing ? Files.createTempDirectory("tokenmaxx-import-bench") : null;
    io.tokenmaxx.storage.duckdb.DuckDbStorage store = storing
        ? io.tokenmaxx.storage.duckdb.DuckDbStorage.builder().path(dbDir.resolve("bench.duckdb")).build() : null;
    if (storing) {
      System.out.println("Storing into a DuckDB file (" + dbDir + "), daily aggregates through source precedence.");
    }
    System.out.printf("| source | days | usage records | outcome records | seconds | records/s (wall) | records/s (CPU s) |%n");
    System.out.printf("|---|---:|---:|---:|---:|---:|---:|%n");
    long totalRecords = 0;
    double totalSeconds = 0;
    for (Vendor v : List.of(Vendor.CURSOR, Vendor.ANTHROPIC)) {
      String key = v == Vendor.CURSOR ? ScaleStandIn.CURSOR_KEY : ScaleStandIn.ANTHROPIC_KEY;
      ImporterConfig c = ImporterConfig.defaults(v, Secret.of(key, "bench"), null).withBaseUrl(base)
          .withBackfillDays(days - 1).withPageSize(v == Vendor.CURSOR ? 5_000 : 1_000);
      CountingSink counting = new CountingSink();
      StoringSink stored = storing ? new StoringSink(store) : null;
      ImportSink sink = storing ? stored : counting;
      LongAdder usage = storing ? stored.usage : counting.usage;
      LongAdder outcomes = storing ? stored.outcomes : counting.outcomes;
      try (ImportScheduler s = ImportScheduler.builder().clock(Clock.systemUTC())
          .cursors(storing ? store.importCursors() : new InMemoryImportCursorStore())
          .sink(sink).source(VendorImporters.create(c, VendorImporters.httpClient(), Clock.systemUTC()), c).build()) {
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        RunResult r = s.runDue().get(0);
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        if (!r.ok()) throw new IllegalStateException(r.error());
        long records = usage.sum() + outcomes.sum();
        totalRecords += records;
        totalSeconds += secs;
        System.out.printf("| %s | %d | %,d | %,d | %.1f | %,.0f | %,.0f |%n", v.id(), days, usage.sum(), outcomes.sum(),
            secs, records / secs, records / cpu);
      }
    }
    System.out.printf("| both, one after the other | %d | | %,d records | %.1f | %,.0f | |%n", days, totalRecords, totalSeconds,
        totalRecords / totalSeconds);
    if (storing) {
      System.out.printf("%nStored: %,d usage and %,d outcome records; database file %,d MiB%n", store.usageStore().countUsage(),
          store.usageStore().countOutcomes(), Files.size(dbDir.resolve("bench.duckdb")) >> 20);
      store.close();
      try (var files = Files.walk(dbDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    long heapPeak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) heapPeak += p.getPeakUsage().getUsed();
    }
    String hwm = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
        .findFirst().orElse("VmHWM: n/a").replaceAll("\\s+", " ");
    System.out.printf("%nPeak heap used (sum of pools' peaks): %,d MiB; peak RSS (%s); max heap %,d MiB; JVM %s%n",
        heapPeak >> 20, hwm, Runtime.getRuntime().maxMemory() >> 20, Runtime.version());
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
