package io.tokenmaxx.collect.vendor;

import io.tokenmaxx.component.CheckResult;
import io.tokenmaxx.component.Component;
import io.tokenmaxx.importer.ImportCursor;
import io.tokenmaxx.importer.ImportCursorStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Pulls every configured source on its interval, each on a thread of its own so that a slow or
 * failing vendor holds up no other. A source's first pull reads its backfill (within what the
 * vendor keeps); every later pull starts {@code reread} days before the last day it completed, so
 * buckets the vendor revises are read again and replace what was stored. The cursor is saved
 * after every day, so a restart resumes at the day that was being pulled. A failing pull is
 * recorded with the vendor's error and tried again after a backoff (1, 2, 4 … minutes, at most
 * the interval, or the vendor's {@code Retry-After} when that is longer); other sources keep running. No I/O until {@link #start()} or a run.
 */
public final class ImportScheduler implements Component {
  private static final System.Logger LOG = System.getLogger(ImportScheduler.class.getName());

  private final Clock clock;
  private final ImportCursorStore cursors;
  private final ImportSink sink;
  private final Duration tick;
  private final Map<String, Source> sources;
  private ScheduledExecutorService executor;
  private volatile boolean closed;

  private record Source(VendorImporter importer, ImporterConfig config, ReentrantLock lock) {}

  private ImportScheduler(Builder b) {
    this.clock = Objects.requireNonNull(b.clock, "clock");
    this.cursors = Objects.requireNonNull(b.cursors, "cursors");
    this.sink = Objects.requireNonNull(b.sink, "sink");
    this.tick = b.tick;
    this.sources = Map.copyOf(b.sources);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts pulling on schedule; idempotent. */
  public synchronized void start() {
    if (closed) throw new IllegalStateException("closed");
    if (executor != null || sources.isEmpty()) return;
    executor = Executors.newScheduledThreadPool(sources.size(), r -> {
      Thread t = new Thread(r, "tokenmaxx-import");
      t.setDaemon(true);
      return t;
    });
    for (String name : sources.keySet()) {
      executor.scheduleWithFixedDelay(() -> {
        try {
          if (due(name)) run(name);
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.ERROR, "import " + name + " failed unexpectedly", e);
        }
      }, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Runs, in the calling thread, every source whose next run is due. */
  public List<RunResult> runDue() {
    List<RunResult> out = new ArrayList<>();
    for (String name : sources.keySet().stream().sorted().toList()) if (due(name)) out.add(run(name));
    return out;
  }

  /** Runs one source now, whatever its schedule (an admin's "run now"); waits for a pull under way. */
  public RunResult runNow(String source) {
    return run(source(source));
  }

  /**
   * Pulls the days {@code from} through {@code through} of one source into {@code target} without
   * touching its cursor: a one-off import, or a dry run into a sink that only prints.
   */
  public RunResult pull(String source, LocalDate from, LocalDate through, ImportSink target) {
    Source s = sources.get(source(source));
    if (from.isAfter(through)) throw new IllegalArgumentException("from " + from + " is after " + through);
    long records = 0;
    LocalDate done = null;
    try {
      records += s.importer().pullDirectory(target);
      for (LocalDate d = from; !d.isAfter(through); d = d.plusDays(1)) {
        records += s.importer().pullDay(d, target);
        done = d;
      }
      return new RunResult(source, from, done, records, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new RunResult(source, from, done, records, "interrupted");
    } catch (RuntimeException e) {
      return new RunResult(source, from, done, records, message(e));
    }
  }

  /** Every configured source with its cursor, in name order. */
  public List<SourceStatus> status() {
    List<SourceStatus> out = new ArrayList<>();
    for (String name : sources.keySet().stream().sorted().toList()) {
      Source s = sources.get(name);
      out.add(new SourceStatus(name, s.config().baseUrl(), s.config().interval(), s.config().adminKey().origin(),
          cursors.load(name).orElse(ImportCursor.initial(name)), s.lock().isLocked()));
    }
    return out;
  }

  private String source(String name) {
    if (!sources.containsKey(name)) {
      throw new IllegalArgumentException("no import source '" + name + "' is configured; configured: "
          + sources.keySet().stream().sorted().toList());
    }
    return name;
  }

  private boolean due(String name) {
    Instant next = cursors.load(name).map(ImportCursor::nextRun).orElse(null);
    return next == null || !next.isAfter(clock.instant());
  }

  private RunResult run(String name) {
    Source s = sources.get(name);
    s.lock().lock();
    try {
      return pullDue(name, s);
    } finally {
      s.lock().unlock();
    }
  }

  private RunResult pullDue(String name, Source s) {
    Instant now = clock.instant();
    ImportCursor cursor = cursors.load(name).orElse(ImportCursor.initial(name)).started(now);
    cursors.save(cursor);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate last = today.minusDays(s.importer().vendor().lagDays());
    LocalDate earliest = today.minusDays(s.config().effectiveBackfillDays());
    LocalDate from = cursor.completeThrough() == null ? earliest
        : max(earliest, cursor.completeThrough().minusDays(s.config().rereadDays() - 1L));
    long records = 0;
    LocalDate done = null;
    try {
      long n = s.importer().pullDirectory(sink);
      cursor = cursor.counted(n);
      records += n;
      for (LocalDate d = from; !d.isAfter(last); d = d.plusDays(1)) {
        if (closed) throw new InterruptedException("closed");
        n = s.importer().pullDay(d, sink);
        records += n;
        done = d;
        cursor = cursor.dayDone(d, n);
        cursors.save(cursor);
      }
      Instant end = clock.instant();
      cursors.save(cursor.succeeded(end, end.plus(s.config().interval())));
      return new RunResult(name, from, done, records, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cursors.save(cursor);
      return new RunResult(name, from, done, records, "interrupted");
    } catch (RuntimeException e) {
      String error = message(e);
      Duration wait = backoff(cursor.consecutiveFailures(), s.config().interval());
      if (e instanceof VendorException v && v.retryAfter() != null && v.retryAfter().compareTo(wait) > 0) {
        wait = v.retryAfter(); // the vendor's Retry-After, even beyond the interval
      }
      cursors.save(cursor.failed(error, clock.instant().plus(wait)));
      LOG.log(System.Logger.Level.WARNING, "import " + name + " failed (next try in " + wait + "): " + error);
      return new RunResult(name, from, done, records, error);
    }
  }

  private static Duration backoff(int failuresBefore, Duration interval) {
    Duration d = Duration.ofMinutes(1L << Math.min(failuresBefore, 20));
    return d.compareTo(interval) < 0 ? d : interval;
  }

  private static String message(RuntimeException e) {
    if (e instanceof VendorException) return e.getMessage();
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  @Override
  public CheckResult check() {
    if (closed) return CheckResult.failed("importers", new IllegalStateException("closed"));
    try {
      cursors.all();
      return CheckResult.ok("importers");
    } catch (RuntimeException e) {
      return CheckResult.failed("importers", e);
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (executor == null) return;
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private ImportCursorStore cursors;
    private ImportSink sink;
    private Duration tick = Duration.ofSeconds(30);
    private final Map<String, Source> sources = new LinkedHashMap<>();

    private Builder() {}

    public Builder clock(Clock c) {
      clock = c;
      return this;
    }

    public Builder cursors(ImportCursorStore s) {
      cursors = s;
      return this;
    }

    public Builder sink(ImportSink s) {
      sink = s;
      return this;
    }

    /** How often each source's thread checks whether its next run is due (default 30 s). */
    public Builder tick(Duration d) {
      if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("tick must be positive");
      tick = d;
      return this;
    }

    /** Adds a source; its name is its vendor's id. */
    public Builder source(VendorImporter importer, ImporterConfig config) {
      if (importer.vendor() != config.vendor()) {
        throw new IllegalArgumentException(importer.vendor() + " importer with " + config.vendor() + " settings");
      }
      if (sources.putIfAbsent(config.vendor().id(), new Source(importer, config, new ReentrantLock())) != null) {
        throw new IllegalArgumentException("import source " + config.vendor().id() + " configured twice");
      }
      return this;
    }

    public ImportScheduler build() {
      return new ImportScheduler(this);
    }
  }
}
