package io.tokenmaxx.collect.local;

import java.io.IOException;
import java.io.OutputStream;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The incremental-scan cache: for every log file, its identity when read (file key, size, mtime,
 * a hash of its first bytes), where reading resumes, the parser state there, and the file's
 * parsed entries as compact columns with their string pool. A re-scan of unchanged files maps
 * this file and copies the columns out in bulk: no log is opened.
 *
 * <p>A cache that is missing, from another format version, or damaged is ignored (everything is
 * read again); it is written to a temporary file and moved into place, so readers never see a
 * half-written one.
 */
final class ScanCache {
  private static final long MAGIC = 0x314E414353584D54L; // "TMXSCAN1"
  /** Bump when the entry layout or any parser's rules change. */
  static final int VERSION = 3;

  private final Map<String, FileScan> byPath;

  private ScanCache(Map<String, FileScan> byPath) {
    this.byPath = byPath;
  }

  static ScanCache empty() {
    return new ScanCache(Map.of());
  }

  int size() {
    return byPath.size();
  }

  FileScan get(Path p) {
    return byPath.get(p.toString());
  }

  static ScanCache load(Path file) {
    if (!Files.isRegularFile(file)) return empty();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < 16 || size > Integer.MAX_VALUE) return empty();
      MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
      m.order(ByteOrder.LITTLE_ENDIAN);
      if (m.getLong() != MAGIC || m.getInt() != VERSION) return empty();
      int n = m.getInt();
      Map<String, FileScan> map = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        FileScan s = readFile(m);
        map.put(s.cachedPath, s);
      }
      return new ScanCache(map);
    } catch (IOException | RuntimeException damaged) {
      return empty();
    }
  }

  private static FileScan readFile(ByteBuffer m) {
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
    if (m.get() == 1) {
      CodexLineParser.State st = new CodexLineParser.State();
      for (int k = 0; k < 5; k++) st.previousTotal[k] = m.getLong();
      st.hasPreviousTotal = m.get() == 1;
      st.model = m.getInt();
      st.modelIsFallback = m.get() == 1;
      st.cwd = m.getInt();
      s.state = st;
    }
    int poolSize = m.getInt();
    int[] offsets = new int[poolSize + 1];
    m.asIntBuffer().get(offsets);
    m.position(m.position() + offsets.length * 4);
    byte[] data = new byte[offsets[poolSize]];
    m.get(data);
    s.pool = StringPool.of(data, offsets, poolSize);
    int rows = m.getInt();
    EntryTable t = new EntryTable(Math.max(1, rows));
    t.size = rows;
    for (long[] col : new long[][] {t.timestamp, t.input, t.output, t.cacheRead, t.cacheWrite5m, t.cacheWrite1h, t.reasoning}) {
      m.asLongBuffer().get(col, 0, rows);
      m.position(m.position() + rows * 8);
    }
    for (int[] col : new int[][] {t.model, t.messageId, t.requestId, t.reportedCost, t.flags}) {
      m.asIntBuffer().get(col, 0, rows);
      m.position(m.position() + rows * 4);
    }
    s.entries = t;
    s.origin = FileScan.Origin.CACHED;
    return s;
  }

  static void save(Path file, List<FileScan> scans) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
      try (OutputStream out = Files.newOutputStream(tmp)) {
        ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(MAGIC).putInt(VERSION).putInt(scans.size());
        out.write(header.array());
        for (FileScan s : scans) out.write(encode(s));
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // a cache that cannot be written only costs time on the next scan
    }
  }

  private static byte[] encode(FileScan s) {
    byte[] path = s.file.path().toString().getBytes(StandardCharsets.UTF_8);
    byte[] key = (s.fileKey == null ? "" : s.fileKey).getBytes(StandardCharsets.UTF_8);
    StringPool p = s.pool;
    int rows = s.entries.size;
    int poolBytes = p.end(p.size() - 1 < 0 ? 0 : p.size() - 1);
    if (p.size() == 0) poolBytes = 0;
    int len = 4 + path.length + 4 + key.length + 8 * 3 + 4 + 8 + 4 + 8 * 6 + 1 + (8 * 5 + 1 + 4 + 1 + 4)
        + 4 + (p.size() + 1) * 4 + poolBytes + 4 + rows * (7 * 8 + 5 * 4);
    ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(path.length).put(path).putInt(key.length).put(key);
    b.putLong(s.size).putLong(s.mtime).putLong(s.headHash).putInt(s.headLength);
    b.putLong(s.committed).putInt(s.committedRows);
    b.putLong(s.markedLines).putLong(s.malformedLines).putLong(s.invalidLines).putLong(s.oversizedLines)
        .putLong(s.tailMalformed).putLong(s.tailInvalid);
    CodexLineParser.State st = s.state;
    if (st == null) {
      b.put((byte) 0);
      b.position(b.position() + 8 * 5 + 1 + 4 + 1 + 4);
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
      for (int i = 0; i < rows; i++) b.putLong(col[i]);
    }
    for (int[] col : new int[][] {t.model, t.messageId, t.requestId, t.reportedCost, t.flags}) {
      for (int i = 0; i < rows; i++) b.putInt(col[i]);
    }
    return b.array();
  }

  private static String string(ByteBuffer m) {
    int n = m.getInt();
    byte[] b = new byte[n];
    m.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
