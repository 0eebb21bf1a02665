package io.tokenmaxx.collect.local;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The incremental-scan cache, two files:
 * <ol>
 *   <li>the summary ({@code name}): a fingerprint of the listing it was made from (every log
 *       file's path and identity), per log file its identity when read (file key, size, mtime, a
 *       hash of its first bytes), where reading resumes and its line counters, and the scan's
 *       result: the deduplicated, priced {@link UsageTable}, valid while the listing and the
 *       prices (their fingerprint) are the same;</li>
 *   <li>the entries ({@code name.entries}): per file the parser state there and the file's
 *       entries with their string pool, decoded only when needed (appends, dedupe after a
 *       change).</li>
 * </ol>
 * A re-scan of unchanged logs reads the summary only: no log is opened, nothing is parsed or
 * deduplicated again. Numbers are variable-length ({@link Varint}): a token count takes one to
 * four bytes, not eight.
 *
 * <p>Both files carry the same generation number; a cache whose files are missing, from another
 * format version, of different generations or damaged is ignored (everything is read again).
 * Each is written to a temporary file and moved into place, entries first, so readers never see
 * a half-written one. {@link #saveInBackground} writes while the report is being built and
 * printed; a load of the same cache in this process waits for that write.
 */
final class ScanCache {
  private static final long MAGIC = 0x314E414353584D54L; // "TMXSCAN1"
  private static final long ENTRIES_MAGIC = 0x31544E4558584D54L; // "TMXENTR1"
  /** Bump when the layout or any parser's rules change. */
  static final int VERSION = 6;
  private static final int SUMMARY_HEADER = 8 + 4 + 8 + 8 + 8 + 4 + 8 + 4;
  private static final int ENTRIES_HEADER = 8 + 4 + 8;

  /** Cache writes still running in this process, by summary path. */
  private static final Map<Path, Thread> WRITES = new ConcurrentHashMap<>();

  private final Map<String, FileScan> byPath;
  private final List<String> order;
  private final long fingerprint;
  private final long listing;
  private final ByteBuffer table;

  private ScanCache(Map<String, FileScan> byPath, List<String> order, long fingerprint, long listing, ByteBuffer table) {
    this.byPath = byPath;
    this.order = order;
    this.fingerprint = fingerprint;
    this.listing = listing;
    this.table = table;
  }

  static ScanCache empty() {
    return new ScanCache(Map.of(), List.of(), 0, 0, null);
  }

  int size() {
    return byPath.size();
  }

  FileScan get(Path p) {
    return byPath.get(p.toString());
  }

  /** Whether the cache was made from exactly this listing ({@link #listingFingerprint}). */
  boolean sameListing(long listingFingerprint) {
    return listingFingerprint != 0 && listingFingerprint == listing && byPath.size() == order.size();
  }

  /**
   * A fingerprint of the files found, in order, with their identities (file key, size, mtime);
   * 0 when a file's identity is unknown.
   */
  static long listingFingerprint(List<LogFile> files) {
    long h = 0x9E3779B97F4A7C15L ^ files.size();
    for (LogFile f : files) {
      FileParser.Identity id = f.identity();
      if (id == null) return 0;
      h = mix(h, f.path().toString().hashCode());
      h = mix(h, id.fileKey().hashCode());
      h = mix(h, id.size());
      h = mix(h, id.mtime());
    }
    return h == 0 ? 1 : h;
  }

  private static long mix(long h, long v) {
    h ^= v;
    h *= 0xBF58476D1CE4E5B9L;
    return h ^ (h >>> 31);
  }

  /**
   * The cached result table, if it is the result of exactly these scans (same files, same order,
   * all unchanged) priced with the same catalog; null otherwise.
   */
  Result result(FileScan[] scans, long catalogFingerprint, List<FileScan> tableFiles,
      io.tokenmaxx.model.RawIdentity identity) {
    if (table == null || catalogFingerprint != fingerprint || scans.length != order.size()) return null;
    for (int i = 0; i < scans.length; i++) {
      if (scans[i].origin != FileScan.Origin.CACHED || !scans[i].file.path().toString().equals(order.get(i))) return null;
    }
    try {
      ByteBuffer t = table.duplicate();
      byte[] bytes = new byte[t.remaining()];
      t.get(bytes);
      return decodeTable(new Varint.In(bytes, 0, bytes.length), tableFiles, identity);
    } catch (RuntimeException damaged) {
      return null;
    }
  }

  /** A decoded result table and the scan counters that came with it. */
  record Result(UsageTable table, long duplicates, long unpriced, long fallback, int claudeRecords) {}

  static Path entriesFile(Path summary) {
    return summary.resolveSibling(summary.getFileName() + ".entries");
  }

  static ScanCache load(Path file) {
    Thread writing = WRITES.get(file);
    if (writing != null) join(writing);
    if (!Files.isRegularFile(file)) return empty();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        FileChannel ech = FileChannel.open(entriesFile(file), StandardOpenOption.READ)) {
      long size = ch.size();
      long esize = ech.size();
      if (size < SUMMARY_HEADER || size > Integer.MAX_VALUE || esize < ENTRIES_HEADER || esize > Integer.MAX_VALUE) {
        return empty();
      }
      ByteBuffer h = ByteBuffer.allocate(SUMMARY_HEADER).order(ByteOrder.LITTLE_ENDIAN);
      while (h.hasRemaining() && ch.read(h, h.position()) > 0) { }
      h.flip();
      if (h.remaining() < SUMMARY_HEADER || h.getLong() != MAGIC || h.getInt() != VERSION) return empty();
      long fingerprint = h.getLong();
      long listing = h.getLong();
      long generation = h.getLong();
      int n = h.getInt();
      long tableOffset = h.getLong();
      int tableLength = h.getInt();
      ByteBuffer eh = ByteBuffer.allocate(ENTRIES_HEADER).order(ByteOrder.LITTLE_ENDIAN);
      while (eh.hasRemaining() && ech.read(eh, eh.position()) > 0) { }
      eh.flip();
      if (eh.remaining() < ENTRIES_HEADER || eh.getLong() != ENTRIES_MAGIC || eh.getInt() != VERSION
          || eh.getLong() != generation) {
        return empty();
      }
      if (tableOffset < SUMMARY_HEADER || tableOffset + tableLength > size) return empty();
      // the index, read whole (it is small); the table and the entries stay mapped until needed
      byte[] index = new byte[(int) (tableOffset - SUMMARY_HEADER)];
      ByteBuffer ib = ByteBuffer.wrap(index);
      while (ib.hasRemaining() && ch.read(ib, SUMMARY_HEADER + ib.position()) > 0) { }
      MappedByteBuffer table = ch.map(FileChannel.MapMode.READ_ONLY, tableOffset, tableLength);
      MappedByteBuffer entries = ech.map(FileChannel.MapMode.READ_ONLY, 0, esize);
      Varint.In in = new Varint.In(index, 0, index.length);
      Map<String, FileScan> map = new HashMap<>(n * 2);
      List<String> order = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        FileScan s = FileScan.cached(null);
        s.cachedPath = string(in);
        s.fileKey = string(in);
        s.size = in.u();
        s.mtime = in.z();
        s.headHash = in.z();
        s.headLength = (int) in.u();
        s.committed = in.u();
        s.committedRows = (int) in.u();
        s.markedLines = in.u();
        s.malformedLines = in.u();
        s.invalidLines = in.u();
        s.oversizedLines = in.u();
        s.tailMalformed = in.u();
        s.tailInvalid = in.u();
        long blockOffset = in.u();
        long blockLength = in.u();
        if (blockOffset < ENTRIES_HEADER || blockOffset + blockLength > esize) return empty();
        s.block = entries.slice((int) blockOffset, (int) blockLength);
        s.origin = FileScan.Origin.CACHED;
        map.put(s.cachedPath, s);
        order.add(s.cachedPath);
      }
      return new ScanCache(map, order, fingerprint, listing, tableLength > 0 ? table : null);
    } catch (IOException | RuntimeException damaged) {
      return empty();
    }
  }

  /** Decodes a file's block (state, pool, entries) into {@code s}. */
  static void decodeBlock(FileScan s, ByteBuffer block) {
    byte[] bytes = new byte[block.remaining()];
    block.get(bytes);
    Varint.In in = new Varint.In(bytes, 0, bytes.length);
    CodexLineParser.State st = null;
    if (in.b() == 1) {
      st = new CodexLineParser.State();
      for (int k = 0; k < 5; k++) st.previousTotal[k] = in.z();
      st.hasPreviousTotal = in.b() == 1;
      st.model = in.i();
      st.modelIsFallback = in.b() == 1;
      st.cwd = in.i();
    }
    int poolSize = in.count();
    int[] offsets = new int[poolSize + 1];
    for (int i = 0; i < poolSize; i++) offsets[i + 1] = offsets[i] + in.count();
    byte[] data = new byte[offsets[poolSize]];
    in.bytes(data, 0, data.length);
    int rows = in.count();
    EntryTable t = new EntryTable(Math.max(1, rows));
    t.size = rows;
    long ts = 0;
    for (int r = 0; r < rows; r++) t.timestamp[r] = ts += in.z();
    for (long[] col : new long[][] {t.input, t.output, t.cacheRead, t.cacheWrite5m, t.cacheWrite1h, t.reasoning}) {
      for (int r = 0; r < rows; r++) col[r] = in.z();
    }
    for (int[] col : new int[][] {t.model, t.messageId, t.requestId, t.reportedCost, t.flags}) {
      for (int r = 0; r < rows; r++) col[r] = in.i();
    }
    s.set(StringPool.of(data, offsets, poolSize), t, st);
  }

  /**
   * Writes the cache for these scans on a thread of its own and returns at once; a later
   * {@link #load} of the same file in this process, and {@link #awaitWrites}, wait for it.
   */
  static Thread saveInBackground(Path file, FileScan[] scans, long catalogFingerprint, long listing, UsageTable table,
      long duplicates, long unpriced, long fallback, int claudeRecords) {
    Thread previous = WRITES.get(file);
    if (previous != null) join(previous);
    Thread t = new Thread(() -> {
      try {
        save(file, scans, catalogFingerprint, listing, table, duplicates, unpriced, fallback, claudeRecords);
      } finally {
        WRITES.remove(file, Thread.currentThread());
      }
    }, "tokenmaxx-cache-writer");
    WRITES.put(file, t);
    t.start();
    return t;
  }

  /** Waits for every cache write this process started. */
  static void awaitWrites() {
    for (Thread t : List.copyOf(WRITES.values())) join(t);
  }

  private static void join(Thread t) {
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void save(Path file, FileScan[] scans, long catalogFingerprint, long listing, UsageTable table,
      long duplicates, long unpriced, long fallback, int claudeRecords) {
    String suffix = ".tmp-" + ProcessHandle.current().pid() + "-" + Thread.currentThread().threadId();
    Path summaryTmp = file.resolveSibling(file.getFileName() + suffix);
    Path entries = entriesFile(file);
    Path entriesTmp = entries.resolveSibling(entries.getFileName() + suffix);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      long generation = System.nanoTime() ^ ((long) ProcessHandle.current().pid() << 40) ^ System.currentTimeMillis();
      long[] blockOffset = new long[scans.length];
      long[] blockLength = new long[scans.length];
      try (FileChannel ch = FileChannel.open(entriesTmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE)) {
        Varint.Out out = new Varint.Out(1 << 20, ch);
        ByteBuffer h = ByteBuffer.allocate(ENTRIES_HEADER).order(ByteOrder.LITTLE_ENDIAN);
        h.putLong(ENTRIES_MAGIC).putInt(VERSION).putLong(generation);
        out.bytes(h.array(), 0, ENTRIES_HEADER);
        for (int i = 0; i < scans.length; i++) {
          FileScan s = scans[i];
          blockOffset[i] = out.position();
          synchronized (s) {
            if (s.block != null) out.bytes(s.block.duplicate());
            else encodeBlock(s, out);
          }
          blockLength[i] = out.position() - blockOffset[i];
          out.drainIfOver(1 << 19);
        }
        out.drain();
      }
      try (FileChannel ch = FileChannel.open(summaryTmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE)) {
        Varint.Out index = new Varint.Out(64 + scans.length * 160, null);
        for (int i = 0; i < scans.length; i++) {
          FileScan s = scans[i];
          string(index, s.file.path().toString());
          string(index, s.fileKey == null ? "" : s.fileKey);
          index.u(s.size);
          index.z(s.mtime);
          index.z(s.headHash);
          index.u(s.headLength);
          index.u(s.committed);
          index.u(s.committedRows);
          index.u(s.markedLines);
          index.u(s.malformedLines);
          index.u(s.invalidLines);
          index.u(s.oversizedLines);
          index.u(s.tailMalformed);
          index.u(s.tailInvalid);
          index.u(blockOffset[i]);
          index.u(blockLength[i]);
        }
        Varint.Out tableOut = new Varint.Out(table == null ? 16 : 64 + table.size * 24, null);
        if (table != null) encodeTable(table, duplicates, unpriced, fallback, claudeRecords, tableOut);
        ByteBuffer h = ByteBuffer.allocate(SUMMARY_HEADER).order(ByteOrder.LITTLE_ENDIAN);
        h.putLong(MAGIC).putInt(VERSION).putLong(catalogFingerprint).putLong(listing).putLong(generation)
            .putInt(scans.length).putLong(SUMMARY_HEADER + index.n).putInt(table == null ? 0 : tableOut.n);
        for (ByteBuffer b : new ByteBuffer[] {h.flip(), ByteBuffer.wrap(index.buf, 0, index.n),
            ByteBuffer.wrap(tableOut.buf, 0, table == null ? 0 : tableOut.n)}) {
          while (b.hasRemaining()) ch.write(b);
        }
      }
      move(entriesTmp, entries);
      move(summaryTmp, file);
    } catch (IOException | RuntimeException e) {
      // a cache that cannot be written only costs time on the next scan
      try {
        Files.deleteIfExists(entriesTmp);
        Files.deleteIfExists(summaryTmp);
      } catch (IOException ignored) {
        // nothing more to do
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void encodeBlock(FileScan s, Varint.Out out) {
    CodexLineParser.State st = s.state;
    if (st == null) {
      out.b(0);
    } else {
      out.b(1);
      for (long v : st.previousTotal) out.z(v);
      out.b(st.hasPreviousTotal ? 1 : 0);
      out.z(st.model);
      out.b(st.modelIsFallback ? 1 : 0);
      out.z(st.cwd);
    }
    StringPool p = s.pool;
    out.u(p.size());
    for (int i = 0; i < p.size(); i++) out.u(p.end(i) - p.start(i));
    if (p.size() > 0) out.bytes(p.data(), 0, p.end(p.size() - 1));
    EntryTable t = s.entries;
    int rows = t.size;
    out.u(rows);
    long ts = 0;
    for (int r = 0; r < rows; r++) {
      out.z(t.timestamp[r] - ts);
      ts = t.timestamp[r];
    }
    for (long[] col : new long[][] {t.input, t.output, t.cacheRead, t.cacheWrite5m, t.cacheWrite1h, t.reasoning}) {
      for (int r = 0; r < rows; r++) out.z(col[r]);
    }
    for (int[] col : new int[][] {t.model, t.messageId, t.requestId, t.reportedCost, t.flags}) {
      for (int r = 0; r < rows; r++) out.z(col[r]);
    }
  }

  private static void encodeTable(UsageTable t, long duplicates, long unpriced, long fallback, int claudeRecords,
      Varint.Out out) {
    int n = t.size;
    out.u(t.strings.length);
    for (String s : t.strings) string(out, s);
    out.u(n);
    long[][] longs = {t.timestamp, t.input, t.output, t.cacheRead, t.cacheWrite5m, t.cacheWrite1h, t.reasoning, t.costPicos};
    for (int k = 0; k < longs.length; k++) {
      long[] col = longs[k];
      long prev = 0;
      for (int i = 0; i < n; i++) {
        // timestamps as differences: rows run file by file, mostly in time order
        out.z(k == 0 ? col[i] - prev : col[i]);
        prev = col[i];
      }
    }
    int[][] ints = {t.tool, t.model, t.session, t.project, t.priceRef, t.flags, t.file, t.row};
    for (int k = 0; k < ints.length; k++) {
      int[] col = ints[k];
      int prev = 0;
      for (int i = 0; i < n; i++) {
        // file and row indexes as differences: they mostly step by one
        out.z(k >= 6 ? (long) col[i] - prev : col[i]);
        prev = col[i];
      }
    }
    for (BigDecimal[] col : new BigDecimal[][] {t.costExact, t.reported}) {
      int count = 0;
      if (col != null) for (int i = 0; i < n; i++) if (col[i] != null) count++;
      out.u(count);
      if (col == null) continue;
      for (int i = 0; i < n; i++) {
        if (col[i] == null) continue;
        out.u(i);
        string(out, col[i].toString());
      }
    }
    out.u(duplicates);
    out.u(unpriced);
    out.u(fallback);
    out.u(claudeRecords);
  }

  private static Result decodeTable(Varint.In in, List<FileScan> files, io.tokenmaxx.model.RawIdentity identity) {
    int ns = in.count();
    String[] strings = new String[ns];
    for (int i = 0; i < ns; i++) strings[i] = string(in);
    int n = in.count();
    long[][] longs = new long[8][n];
    for (int k = 0; k < 8; k++) {
      long[] col = longs[k];
      long prev = 0;
      for (int i = 0; i < n; i++) col[i] = k == 0 ? (prev += in.z()) : in.z();
    }
    int[][] ints = new int[8][n];
    for (int k = 0; k < 8; k++) {
      int[] col = ints[k];
      int prev = 0;
      for (int i = 0; i < n; i++) col[i] = k >= 6 ? (prev += in.i()) : in.i();
    }
    BigDecimal[][] sparse = new BigDecimal[2][];
    for (int k = 0; k < 2; k++) {
      int count = in.count();
      if (count == 0) continue;
      sparse[k] = new BigDecimal[n];
      for (int j = 0; j < count; j++) {
        long i = in.u();
        if (i >= n) throw new IllegalStateException("damaged cache");
        sparse[k][(int) i] = new BigDecimal(string(in));
      }
    }
    long duplicates = in.u();
    long unpriced = in.u();
    long fallback = in.u();
    int claudeRecords = (int) in.u();
    UsageTable t = new UsageTable(strings, n, longs[0], longs[1], longs[2], longs[3], longs[4], longs[5],
        longs[6], longs[7], ints[0], ints[1], ints[2], ints[3], ints[4], ints[5], sparse[0], sparse[1],
        files, ints[6], ints[7], identity);
    return new Result(t, duplicates, unpriced, fallback, claudeRecords);
  }

  private static void string(Varint.Out out, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.u(b.length);
    out.bytes(b, 0, b.length);
  }

  private static String string(Varint.In in) {
    int n = in.count();
    String s = new String(in.b, in.p, n, StandardCharsets.UTF_8);
    in.p += n;
    return s;
  }
}
