package io.tokenmaxx.collect.local;

import java.io.IOException;
import java.io.OutputStream;
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

/**
 * The incremental-scan cache, one memory-mapped file:
 * <ol>
 *   <li>an index: for every log file its identity when read (file key, size, mtime, a hash of its
 *       first bytes), where reading resumes, and its line counters;</li>
 *   <li>per file, a block with the parser state there and the file's entries as compact columns
 *       with their string pool — decoded only when needed (appends, dedupe after a change);</li>
 *   <li>the scan's result: the deduplicated, priced {@link UsageTable}, valid while no file changed
 *       and the prices (their fingerprint) are the same.</li>
 * </ol>
 * A re-scan of unchanged logs reads the index, checks every file's identity and copies the result
 * table out in bulk: no log is opened, nothing is parsed or deduplicated again.
 *
 * <p>A cache that is missing, from another format version, or damaged is ignored (everything is
 * read again); it is written to a temporary file and moved into place, so readers never see a
 * half-written one.
 */
final class ScanCache {
  private static final long MAGIC = 0x314E414353584D54L; // "TMXSCAN1"
  /** Bump when the layout or any parser's rules change. */
  static final int VERSION = 5;
  private static final int STATE_BYTES = 8 * 5 + 1 + 4 + 1 + 4;

  private final Map<String, FileScan> byPath;
  private final List<String> order;
  private final long fingerprint;
  private final ByteBuffer table;

  private ScanCache(Map<String, FileScan> byPath, List<String> order, long fingerprint, ByteBuffer table) {
    this.byPath = byPath;
    this.order = order;
    this.fingerprint = fingerprint;
    this.table = table;
  }

  static ScanCache empty() {
    return new ScanCache(Map.of(), List.of(), 0, null);
  }

  int size() {
    return byPath.size();
  }

  FileScan get(Path p) {
    return byPath.get(p.toString());
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
      return decodeTable(table.duplicate().order(ByteOrder.LITTLE_ENDIAN), tableFiles, identity);
    } catch (RuntimeException damaged) {
      return null;
    }
  }

  /** A decoded result table and the scan counters that came with it. */
  record Result(UsageTable table, long duplicates, long unpriced, long fallback, int claudeRecords) {}

  static ScanCache load(Path file) {
    if (!Files.isRegularFile(file)) return empty();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < 40 || size > Integer.MAX_VALUE) return empty();
      MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
      m.order(ByteOrder.LITTLE_ENDIAN);
      if (m.getLong() != MAGIC || m.getInt() != VERSION) return empty();
      long fingerprint = m.getLong();
      int n = m.getInt();
      long tableOffset = m.getLong();
      int tableLength = m.getInt();
      Map<String, FileScan> map = new HashMap<>(n * 2);
      List<String> order = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        FileScan s = new FileScan(null);
        s.cachedPath = string(m);
        s.fileKey = string(m);
        s.size = m.getLong();
        s.mtime = m.getLong();
        s.headHash = m.getLong();
        s.headLength = m.getInt();
        s.committed = m.getLong();
        s.committedRows = m.getInt();
        s.markedLines = m.getLong();
        s.malformedLines = m.getLong();
        s.invalidLines = m.getLong();
        s.oversizedLines = m.getLong();
        s.tailMalformed = m.getLong();
        s.tailInvalid = m.getLong();
        long blockOffset = m.getLong();
        int blockLength = m.getInt();
        s.block = m.slice((int) blockOffset, blockLength);
        s.origin = FileScan.Origin.CACHED;
        map.put(s.cachedPath, s);
        order.add(s.cachedPath);
      }
      ByteBuffer table = tableOffset > 0 ? m.slice((int) tableOffset, tableLength) : null;
      return new ScanCache(map, order, fingerprint, table);
    } catch (IOException | RuntimeException damaged) {
      return empty();
    }
  }

  /** Decodes a file's block (state, pool, entries) into {@code s}. */
  static void decodeBlock(FileScan s, ByteBuffer m) {
    CodexLineParser.State st = null;
    if (m.get() == 1) {
      st = new CodexLineParser.State();
      for (int k = 0; k < 5; k++) st.previousTotal[k] = m.getLong();
      st.hasPreviousTotal = m.get() == 1;
      st.model = m.getInt();
      st.modelIsFallback = m.get() == 1;
      st.cwd = m.getInt();
    } else {
      m.position(m.position() + STATE_BYTES);
    }
    int poolSize = m.getInt();
    int[] offsets = new int[poolSize + 1];
    ints(m, offsets, poolSize + 1);
    byte[] data = new byte[offsets[poolSize]];
    m.get(data);
    int rows = m.getInt();
    EntryTable t = new EntryTable(Math.max(1, rows));
    t.size = rows;
    for (long[] col : new long[][] {t.timestamp, t.input, t.output, t.cacheRead, t.cacheWrite5m, t.cacheWrite1h, t.reasoning}) {
      longs(m, col, rows);
    }
    for (int[] col : new int[][] {t.model, t.messageId, t.requestId, t.reportedCost, t.flags}) ints(m, col, rows);
    s.set(StringPool.of(data, offsets, poolSize), t, st);
  }

  private static void longs(ByteBuffer m, long[] col, int n) {
    m.asLongBuffer().get(col, 0, n);
    m.position(m.position() + n * 8);
  }

  private static void ints(ByteBuffer m, int[] col, int n) {
    m.asIntBuffer().get(col, 0, n);
    m.position(m.position() + n * 4);
  }

  static void save(Path file, FileScan[] scans, long catalogFingerprint, UsageTable table,
      long duplicates, long unpriced, long fallback, int claudeRecords) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      List<byte[]> index = new ArrayList<>(scans.length);
      List<ByteBuffer> blocks = new ArrayList<>(scans.length);
      long indexBytes = 0;
      for (FileScan s : scans) {
        ByteBuffer block;
        synchronized (s) {
          block = s.block != null ? s.block.duplicate() : ByteBuffer.wrap(encodeBlock(s));
        }
        blocks.add(block);
        byte[] path = s.file.path().toString().getBytes(StandardCharsets.UTF_8);
        byte[] key = (s.fileKey == null ? "" : s.fileKey).getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(4 + path.length + 4 + key.length + 8 * 3 + 4 + 8 + 4 + 8 * 6 + 8 + 4)
            .order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(path.length).put(path).putInt(key.length).put(key);
        b.putLong(s.size).putLong(s.mtime).putLong(s.headHash).putInt(s.headLength);
        b.putLong(s.committed).putInt(s.committedRows);
        b.putLong(s.markedLines).putLong(s.malformedLines).putLong(s.invalidLines).putLong(s.oversizedLines)
            .putLong(s.tailMalformed).putLong(s.tailInvalid);
        index.add(b.array());
        indexBytes += b.capacity();
      }
      byte[] tableBytes = table == null ? null : encodeTable(table, duplicates, unpriced, fallback, claudeRecords);
      long headerBytes = 8 + 4 + 8 + 4 + 8 + 4;
      long offset = headerBytes + indexBytes;
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
      try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        long blocksEnd = offset;
        for (ByteBuffer b : blocks) blocksEnd += b.remaining();
        ByteBuffer header = ByteBuffer.allocate((int) headerBytes).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(MAGIC).putInt(VERSION).putLong(catalogFingerprint).putInt(scans.length)
            .putLong(tableBytes == null ? 0 : blocksEnd).putInt(tableBytes == null ? 0 : tableBytes.length);
        out.write(header.array());
        for (int i = 0; i < scans.length; i++) {
          byte[] entry = index.get(i);
          // patch the block offset and length at the end of the index entry
          ByteBuffer e = ByteBuffer.wrap(entry).order(ByteOrder.LITTLE_ENDIAN);
          e.putLong(entry.length - 12, offset).putInt(entry.length - 4, blocks.get(i).remaining());
          offset += blocks.get(i).remaining();
          out.write(entry);
        }
        for (ByteBuffer b : blocks) {
          if (b.hasArray()) {
            out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
          } else {
            byte[] copy = new byte[b.remaining()];
            b.get(copy);
            out.write(copy);
          }
        }
        if (tableBytes != null) out.write(tableBytes);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      // a cache that cannot be written only costs time on the next scan
    }
  }

  private static byte[] encodeBlock(FileScan s) {
    StringPool p = s.pool;
    int rows = s.entries.size;
    int poolBytes = p.size() == 0 ? 0 : p.end(p.size() - 1);
    int len = 1 + STATE_BYTES + 4 + (p.size() + 1) * 4 + poolBytes + 4 + rows * (7 * 8 + 5 * 4);
    ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
    CodexLineParser.State st = s.state;
    if (st == null) {
      b.put((byte) 0);
      b.position(b.position() + STATE_BYTES);
    } else {
      b.put((byte) 1);
      for (long v : st.previousTotal) b.putLong(v);
      b.put((byte) (st.hasPreviousTotal ? 1 : 0)).putInt(st.model).put((byte) (st.modelIsFallback ? 1 : 0)).putInt(st.cwd);
    }
    b.putInt(p.size());
    int[] offsets = p.offsets();
    for (int i = 0; i <= p.size(); i++) b.putInt(p.size() == 0 ? 0 : offsets[i]);
    b.put(p.data(), 0, poolBytes);
    b.putInt(rows);
    EntryTable t = s.entries;
    for (long[] col : new long[][] {t.timestamp, t.input, t.output, t.cacheRead, t.cacheWrite5m, t.cacheWrite1h, t.reasoning}) {
      b.asLongBuffer().put(col, 0, rows);
      b.position(b.position() + rows * 8);
    }
    for (int[] col : new int[][] {t.model, t.messageId, t.requestId, t.reportedCost, t.flags}) {
      b.asIntBuffer().put(col, 0, rows);
      b.position(b.position() + rows * 4);
    }
    return b.array();
  }

  private static byte[] encodeTable(UsageTable t, long duplicates, long unpriced, long fallback, int claudeRecords) {
    int n = t.size;
    List<byte[]> strings = new ArrayList<>(t.strings.length);
    int stringBytes = 0;
    for (String s : t.strings) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      strings.add(b);
      stringBytes += 4 + b.length;
    }
    List<String> sparse = new ArrayList<>();
    int sparseBytes = 8;
    for (BigDecimal[] col : new BigDecimal[][] {t.costExact, t.reported}) {
      if (col == null) continue;
      for (int i = 0; i < n; i++) {
        if (col[i] != null) {
          String v = col[i].toString();
          sparse.add(v);
          sparseBytes += 8 + v.length();
        }
      }
    }
    ByteBuffer b = ByteBuffer.allocate(4 + stringBytes + 4 + n * (8 * 8 + 8 * 4) + sparseBytes + 8 * 3 + 4)
        .order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(strings.size());
    for (byte[] s : strings) b.putInt(s.length).put(s);
    b.putInt(n);
    for (long[] col : new long[][] {t.timestamp, t.input, t.output, t.cacheRead, t.cacheWrite5m, t.cacheWrite1h, t.reasoning, t.costPicos}) {
      b.asLongBuffer().put(col, 0, n);
      b.position(b.position() + n * 8);
    }
    for (int[] col : new int[][] {t.tool, t.model, t.session, t.project, t.priceRef, t.flags, t.file, t.row}) {
      b.asIntBuffer().put(col, 0, n);
      b.position(b.position() + n * 4);
    }
    for (BigDecimal[] col : new BigDecimal[][] {t.costExact, t.reported}) {
      int count = 0;
      if (col != null) for (int i = 0; i < n; i++) if (col[i] != null) count++;
      b.putInt(count);
      if (col == null) continue;
      for (int i = 0; i < n; i++) {
        if (col[i] == null) continue;
        byte[] v = col[i].toString().getBytes(StandardCharsets.US_ASCII);
        b.putInt(i).putInt(v.length).put(v);
      }
    }
    b.putLong(duplicates).putLong(unpriced).putLong(fallback).putInt(claudeRecords);
    return java.util.Arrays.copyOf(b.array(), b.position());
  }

  private static Result decodeTable(ByteBuffer m, List<FileScan> files, io.tokenmaxx.model.RawIdentity identity) {
    int ns = m.getInt();
    String[] strings = new String[ns];
    for (int i = 0; i < ns; i++) strings[i] = string(m);
    int n = m.getInt();
    long[][] longs = new long[8][n];
    for (long[] col : longs) longs(m, col, n);
    int[][] ints = new int[8][n];
    for (int[] col : ints) ints(m, col, n);
    BigDecimal[][] sparse = new BigDecimal[2][];
    for (int k = 0; k < 2; k++) {
      int count = m.getInt();
      if (count == 0) continue;
      sparse[k] = new BigDecimal[n];
      for (int j = 0; j < count; j++) {
        int i = m.getInt();
        sparse[k][i] = new BigDecimal(string(m));
      }
    }
    long duplicates = m.getLong();
    long unpriced = m.getLong();
    long fallback = m.getLong();
    int claudeRecords = m.getInt();
    UsageTable t = new UsageTable(strings, n, longs[0], longs[1], longs[2], longs[3], longs[4], longs[5],
        longs[6], longs[7], ints[0], ints[1], ints[2], ints[3], ints[4], ints[5], sparse[0], sparse[1],
        files, ints[6], ints[7], identity);
    return new Result(t, duplicates, unpriced, fallback, claudeRecords);
  }

  private static String string(ByteBuffer m) {
    int n = m.getInt();
    byte[] b = new byte[n];
    m.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
