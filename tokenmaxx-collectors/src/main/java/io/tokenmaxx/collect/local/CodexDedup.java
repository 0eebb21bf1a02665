package io.tokenmaxx.collect.local;

import java.util.List;

/**
 * Counts each Codex model call once across rollouts: the same call copied into another file
 * (archived copies, forked sessions replaying their parent's history) has the same timestamp,
 * model and token counts. The first copy in discovery order is kept (ccusage's rule).
 */
final class CodexDedup {
  int[] file;
  int[] row;
  int size;
  long duplicates;

  private final List<FileScan> files;
  private final LongMultiMap seen;

  CodexDedup(List<FileScan> files) {
    this.files = files;
    int n = 0;
    for (FileScan f : files) n += f.load().entries.size;
    file = new int[Math.max(16, n)];
    row = new int[Math.max(16, n)];
    seen = new LongMultiMap(n);
  }

  CodexDedup run() {
    for (int f = 0; f < files.size(); f++) {
      FileScan fs = files.get(f);
      EntryTable t = fs.entries;
      rows:
      for (int r = 0; r < t.size; r++) {
        long h = hash(fs, t, r);
        for (int n = seen.first(h); n >= 0; n = seen.next(n)) {
          int s = seen.value(n);
          if (same(files.get(file[s]), row[s], fs, r)) {
            duplicates++;
            continue rows;
          }
        }
        file[size] = f;
        row[size] = r;
        seen.add(h, size++);
      }
    }
    return this;
  }

  private static long hash(FileScan fs, EntryTable t, int r) {
    long h = t.timestamp[r];
    h = h * 31 + fs.pool.hash64(t.model[r]);
    h = h * 31 + t.input[r];
    h = h * 31 + t.cacheRead[r];
    h = h * 31 + t.output[r];
    h = h * 31 + t.reasoning[r];
    return h;
  }

  private static boolean same(FileScan a, int ra, FileScan b, int rb) {
    EntryTable x = a.entries;
    EntryTable y = b.entries;
    return x.timestamp[ra] == y.timestamp[rb] && x.input[ra] == y.input[rb]
        && x.cacheRead[ra] == y.cacheRead[rb] && x.output[ra] == y.output[rb]
        && x.reasoning[ra] == y.reasoning[rb] && a.pool.equals(x.model[ra], b.pool, y.model[rb]);
  }
}
