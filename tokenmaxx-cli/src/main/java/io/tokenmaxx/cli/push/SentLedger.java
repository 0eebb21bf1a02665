package io.tokenmaxx.cli.push;

import io.tokenmaxx.model.UsageRecord;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * What {@code push} has already delivered to one server: for every record id (hashed) the hash of
 * the content that was sent. A record is sent again only when it is new or its content changed (a
 * streamed message that grew). Kept as sorted pairs of longs in a small file, replaced atomically.
 */
final class SentLedger {
  private static final int MAGIC = 0x746d7870; // "tmxp"
  private long[] ids;
  private long[] contents;
  private int size;

  private SentLedger(long[] ids, long[] contents, int size) {
    this.ids = ids;
    this.contents = contents;
    this.size = size;
  }

  static SentLedger empty() {
    return new SentLedger(new long[0], new long[0], 0);
  }

  static SentLedger load(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC) throw new IOException(file + " is not a push ledger; remove it to send everything again");
      int n = in.readInt();
      long[] ids = new long[n];
      long[] contents = new long[n];
      for (int i = 0; i < n; i++) {
        ids[i] = in.readLong();
        contents[i] = in.readLong();
      }
      return new SentLedger(ids, contents, n);
    } catch (NoSuchFileException e) {
      return empty();
    }
  }

  int size() {
    return size;
  }

  /** True when exactly this content was sent for this id. */
  boolean sent(UsageRecord r) {
    int i = Arrays.binarySearch(ids, 0, size, idHash(r));
    return i >= 0 && contents[i] == contentHash(r);
  }

  boolean known(UsageRecord r) {
    return Arrays.binarySearch(ids, 0, size, idHash(r)) >= 0;
  }

  /** Records these as delivered (merged into the sorted arrays). */
  void markSent(java.util.List<UsageRecord> records) {
    long[][] add = new long[records.size()][];
    for (int i = 0; i < add.length; i++) {
      UsageRecord r = records.get(i);
      add[i] = new long[] {idHash(r), contentHash(r)};
    }
    Arrays.sort(add, (a, b) -> Long.compare(a[0], b[0]));
    long[] ni = new long[size + add.length];
    long[] nc = new long[size + add.length];
    int i = 0, j = 0, k = 0;
    while (i < size || j < add.length) {
      if (j == add.length || (i < size && ids[i] < add[j][0])) {
        ni[k] = ids[i];
        nc[k++] = contents[i++];
      } else if (i < size && ids[i] == add[j][0]) {
        ni[k] = add[j][0];
        nc[k++] = add[j++][1];
        i++;
      } else {
        if (k > 0 && ni[k - 1] == add[j][0]) { // the same id twice in one batch: keep the last
          nc[k - 1] = add[j++][1];
          continue;
        }
        ni[k] = add[j][0];
        nc[k++] = add[j++][1];
      }
    }
    ids = ni;
    contents = nc;
    size = k;
  }

  void save(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeInt(size);
      for (int i = 0; i < size; i++) {
        out.writeLong(ids[i]);
        out.writeLong(contents[i]);
      }
    }
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static long idHash(UsageRecord r) {
    return hash(r.id(), 0x9E3779B97F4A7C15L);
  }

  /** Everything the server stores from a pushed record. */
  static long contentHash(UsageRecord r) {
    String c = r.timestamp() + "|" + r.tool() + "|" + r.model() + "|" + r.sessionId() + "|" + r.project()
        + "|" + r.inputTokens() + "|" + r.outputTokens() + "|" + r.cacheReadTokens() + "|"
        + r.cacheWrite5mTokens() + "|" + r.cacheWrite1hTokens() + "|" + r.reasoningTokens() + "|"
        + r.requests() + "|" + r.reportedCost() + "|" + r.status();
    return hash(c, 0xC2B2AE3D27D4EB4FL);
  }

  private static long hash(String s, long seed) {
    long h = seed;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001B3L;
      h = Long.rotateLeft(h, 29);
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }
}
