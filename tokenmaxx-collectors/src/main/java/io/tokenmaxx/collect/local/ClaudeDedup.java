package io.tokenmaxx.collect.local;

import java.util.List;

/**
 * Counts each Claude Code request once across all transcripts, with ccusage's rules so totals
 * agree exactly. Entries are visited in file-path order, then line order:
 * <ul>
 *   <li>streamed copies (same {@code message.id} and {@code requestId}) collapse into one: the
 *       largest by total tokens; a non-sidechain copy beats a sidechain one; on a tie the
 *       fast-mode copy wins, else the first seen;</li>
 *   <li>a sidechain line whose {@code message.id} was already seen under another
 *       {@code requestId} is a replay (sub-agents and {@code /btw} replay parent messages) and
 *       collapses into that entry the same way;</li>
 *   <li>entries without a {@code message.id} are never merged.</li>
 * </ul>
 */
final class ClaudeDedup {
  private static final long NO_REQUEST = 0x6a09e667f3bcc909L;

  /** Kept entries: file index and row per slot. */
  int[] file;
  int[] row;
  int size;
  long duplicates;

  private final List<FileScan> files;
  private final LongMultiMap exact;
  private final LongMultiMap byMessage;

  ClaudeDedup(List<FileScan> files) {
    this.files = files;
    int n = 0;
    for (FileScan f : files) n += f.load().entries.size;
    file = new int[Math.max(16, n)];
    row = new int[Math.max(16, n)];
    exact = new LongMultiMap(n);
    byMessage = new LongMultiMap(n);
  }

  ClaudeDedup run() {
    for (int f = 0; f < files.size(); f++) {
      FileScan fs = files.get(f);
      EntryTable t = fs.entries;
      for (int r = 0; r < t.size; r++) push(f, r, fs, t);
    }
    return this;
  }

  private void push(int f, int r, FileScan fs, EntryTable t) {
    int msg = t.messageId[r];
    if (msg < 0) {
      append(f, r);
      return;
    }
    int req = t.requestId[r];
    long hm = fs.pool.hash64(msg);
    long he = hm * 31 + (req < 0 ? NO_REQUEST : fs.pool.hash64(req));
    boolean side = (t.flags[r] & EntryTable.SIDECHAIN) != 0;
    int slot = -1;
    for (int n = exact.first(he); n >= 0 && slot < 0; n = exact.next(n)) {
      int s = exact.value(n);
      if (sameMessage(s, fs, msg) && sameRequest(s, fs, req)) slot = s;
    }
    if (slot < 0) {
      for (int n = byMessage.first(hm); n >= 0 && slot < 0; n = byMessage.next(n)) {
        int s = byMessage.value(n);
        if (sameMessage(s, fs, msg) && (side || sidechain(s))) slot = s;
      }
    }
    if (slot >= 0) {
      duplicates++;
      if (replaces(t, r, side, slot)) {
        file[slot] = f;
        row[slot] = r;
        exact.addUnique(he, slot);
        byMessage.addUnique(hm, slot);
      }
      return;
    }
    slot = append(f, r);
    exact.add(he, slot);
    byMessage.add(hm, slot);
  }

  private int append(int f, int r) {
    if (size == file.length) {
      file = java.util.Arrays.copyOf(file, size * 2);
      row = java.util.Arrays.copyOf(row, size * 2);
    }
    file[size] = f;
    row[size] = r;
    return size++;
  }

  private boolean replaces(EntryTable t, int r, boolean side, int slot) {
    EntryTable et = files.get(file[slot]).entries;
    int er = row[slot];
    boolean existingSide = (et.flags[er] & EntryTable.SIDECHAIN) != 0;
    if (side != existingSide) return existingSide;
    long a = t.total(r);
    long b = et.total(er);
    if (a != b) return a > b;
    return (t.flags[r] & EntryTable.FAST) != 0 && (et.flags[er] & EntryTable.FAST) == 0;
  }

  private boolean sidechain(int slot) {
    return (files.get(file[slot]).entries.flags[row[slot]] & EntryTable.SIDECHAIN) != 0;
  }

  private boolean sameMessage(int slot, FileScan fs, int msg) {
    FileScan o = files.get(file[slot]);
    int om = o.entries.messageId[row[slot]];
    return om >= 0 && o.pool.equals(om, fs.pool, msg);
  }

  private boolean sameRequest(int slot, FileScan fs, int req) {
    FileScan o = files.get(file[slot]);
    int oq = o.entries.requestId[row[slot]];
    if (oq < 0 || req < 0) return oq < 0 && req < 0;
    return o.pool.equals(oq, fs.pool, req);
  }
}
