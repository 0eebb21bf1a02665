package io.tokenmaxx.gateway.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmaxx.component.CheckResult;
import io.tokenmaxx.component.Component;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes records off the request path and hands them to a {@link RecordSink} in batches, from one
 * background thread. The request path only puts a record into a bounded in-memory queue.
 *
 * <p>When the sink is slow or down, the queue fills; then records go to an append-only spill file
 * (one JSON record a line) in the spill directory instead of waiting, so requests never slow down
 * and nothing is lost; the thread sends the spilled records once the queue is empty again, oldest
 * file first, and a later process sends what an earlier one left. Without a spill directory a full
 * queue blocks the request that records (back-pressure) until there is room. A batch the sink
 * refused is offered again after a pause that grows to 5 s. {@link #close()} sends what is queued
 * (for at most the drain timeout) and spills the rest.
 */
public final class RecordShipper implements Component {
  private static final System.Logger LOG = System.getLogger(RecordShipper.class.getName());
  static final ObjectMapper JSON = GatewayRecordJson.JSON;

  private final RecordSink sink;
  private final BlockingQueue<GatewayRecord> queue;
  private final int batchSize;
  private final Duration flushInterval;
  private final Path spillDir;
  private final Duration drainTimeout;
  private final Object spillLock = new Object();
  private OutputStream spillOut;
  private Path spillFile;
  private long spillSeq;
  private final Thread thread;
  private volatile boolean closing;
  private volatile Throwable lastFailure;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong spilled = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  /**
   * @param capacity      records the in-memory queue holds
   * @param batchSize     most records per call of the sink
   * @param flushInterval longest a record waits for its batch to fill
   * @param spillDir      where records go when the queue is full; null for back-pressure instead
   */
  public RecordShipper(RecordSink sink, int capacity, int batchSize, Duration flushInterval, Path spillDir,
      Duration drainTimeout) {
    if (capacity < 1 || batchSize < 1) throw new IllegalArgumentException("capacity and batch size must be positive");
    this.sink = sink;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.batchSize = batchSize;
    this.flushInterval = flushInterval;
    this.spillDir = spillDir;
    this.drainTimeout = drainTimeout;
    this.thread = Thread.ofPlatform().daemon().name("gateway-records").unstarted(this::run);
  }

  public RecordShipper start() {
    if (spillDir != null) {
      try {
        Files.createDirectories(spillDir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the record spill directory " + spillDir, e);
      }
    }
    thread.start();
    return this;
  }

  /** Queues a record; spills it when the queue is full (or waits for room without a spill directory). */
  public void offer(GatewayRecord r) {
    accepted.incrementAndGet();
    if (!closing && queue.offer(r)) return;
    if (spillDir != null) {
      spill(List.of(r));
      return;
    }
    try {
      while (!queue.offer(r, 100, TimeUnit.MILLISECONDS)) {
        if (closing && !thread.isAlive()) throw new IllegalStateException("record shipper is closed; record "
            + r.usage().id() + " could not be queued");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to queue record " + r.usage().id(), e);
    }
  }

  private void spill(List<GatewayRecord> records) {
    synchronized (spillLock) {
      try {
        if (spillOut == null) {
          spillFile = spillDir.resolve("spill-" + System.currentTimeMillis() + "-" + (spillSeq++) + ".ndjson.open");
          spillOut = Files.newOutputStream(spillFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        for (GatewayRecord r : records) {
          spillOut.write(JSON.writeValueAsBytes(r));
          spillOut.write('\n');
        }
        spillOut.flush();
        spilled.addAndGet(records.size());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write gateway records to the spill file in " + spillDir, e);
      }
    }
  }

  /** Closes the open spill file so it can be sent; returns the ready files, oldest first. */
  private List<Path> readySpills() throws IOException {
    if (spillDir == null) return List.of();
    synchronized (spillLock) {
      if (spillOut != null) {
        spillOut.close();
        spillOut = null;
        String name = spillFile.getFileName().toString();
        Files.move(spillFile, spillDir.resolve(name.substring(0, name.length() - ".open".length())),
            StandardCopyOption.ATOMIC_MOVE);
      }
    }
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(spillDir, "spill-*.ndjson*")) {
      for (Path p : ds) out.add(p);
    }
    synchronized (spillLock) {
      // a file opened by a request since the move above is still being written: not ready (the
      // ".open" files in the listing are otherwise ones an earlier process left)
      if (spillOut != null) out.remove(spillFile);
    }
    out.sort((a, b) -> order(a).compareTo(order(b)));
    return out;
  }

  private static String order(Path p) {
    String n = p.getFileName().toString();
    String[] parts = n.split("[-.]");
    return String.format("%020d-%010d", Long.parseLong(parts[1]), Long.parseLong(parts[2]));
  }

  private void run() {
    List<GatewayRecord> batch = new ArrayList<>(batchSize);
    try {
      for (Path p : readySpills()) replay(p); // what an earlier process left
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot read earlier spill files in " + spillDir, e);
    } catch (InterruptedException e) {
      return;
    }
    while (true) {
      try {
        GatewayRecord first = queue.poll(flushInterval.toNanos(), TimeUnit.NANOSECONDS);
        if (first != null) {
          batch.add(first);
          long deadline = System.nanoTime() + flushInterval.toNanos();
          while (batch.size() < batchSize) {
            GatewayRecord r = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (r == null) break;
            batch.add(r);
            queue.drainTo(batch, batchSize - batch.size());
          }
          deliver(batch);
          batch.clear();
        } else if (spilled.get() > 0 && queue.isEmpty()) {
          for (Path p : readySpills()) {
            if (!queue.isEmpty()) break;
            replay(p);
          }
        }
        if (closing && queue.isEmpty()) return;
      } catch (InterruptedException e) {
        if (!batch.isEmpty()) spillOrDrop(batch);
        return;
      } catch (IOException | RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "gateway record shipping failed", e);
      }
    }
  }

  private void replay(Path file) throws IOException, InterruptedException {
    List<GatewayRecord> batch = new ArrayList<>(batchSize);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) continue;
        try {
          batch.add(JSON.readValue(line, GatewayRecord.class));
        } catch (IOException e) {
          LOG.log(System.Logger.Level.WARNING, "skipping a torn line in " + file + ": " + e.getMessage());
          continue;
        }
        if (batch.size() == batchSize) {
          deliver(batch);
          batch.clear();
        }
      }
    }
    if (!batch.isEmpty()) deliver(batch);
    Files.delete(file);
  }

  /** Hands a batch to the sink, retrying with growing pauses until it takes it. */
  private void deliver(List<GatewayRecord> batch) throws InterruptedException {
    long pause = 50;
    while (true) {
      try {
        sink.accept(List.copyOf(batch));
        delivered.addAndGet(batch.size());
        lastFailure = null;
        return;
      } catch (Exception e) {
        failures.incrementAndGet();
        lastFailure = e;
        if (closing && spillDir != null) {
          spill(batch);
          return;
        }
        LOG.log(System.Logger.Level.WARNING, "record sink refused " + batch.size() + " records, retrying in "
            + pause + " ms: " + e);
        Thread.sleep(pause);
        pause = Math.min(5_000, pause * 2);
      }
    }
  }

  private void spillOrDrop(List<GatewayRecord> batch) {
    if (spillDir != null) spill(batch);
    else LOG.log(System.Logger.Level.ERROR, batch.size() + " gateway records could not be delivered at shutdown");
  }

  public long accepted() {
    return accepted.get();
  }

  public long delivered() {
    return delivered.get();
  }

  public long spilled() {
    return spilled.get();
  }

  public int queued() {
    return queue.size();
  }

  @Override
  public CheckResult check() {
    Throwable f = lastFailure;
    if (f != null) return CheckResult.failed("gateway-records", f);
    return CheckResult.ok("gateway-records");
  }

  @Override
  public void close() {
    if (closing) return;
    closing = true;
    try {
      thread.join(drainTimeout.toMillis());
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(1_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<GatewayRecord> left = new ArrayList<>();
    queue.drainTo(left);
    if (!left.isEmpty()) spillOrDrop(left);
    synchronized (spillLock) {
      try {
        if (spillOut != null) readySpills();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot close the spill file", e);
      }
    }
  }
}
