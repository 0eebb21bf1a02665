package io.tokenmaxx.collect.local;

import java.util.List;

/**
 * Counts each Gemini CLI or Qwen Code message once: entries with the same key (session and message
 * id) collapse into the largest copy (a Gemini log rewrites a message as it streams; checkpoints
 * and saved chats copy whole conversations).
 */
final class IdDedup {
  int[] file;
  int[] row;
  int size;
  long duplicates;

  private final List<FileScan> files;
  private final LongMultiMap seen;

  IdDedup(List<FileScan> files) {
    this.files = files;
    int n = 0;
    for (FileScan f : files) n += f.load().entries.size;
    file = new int[Math.max(16, n)];
    row = new int[Math.max(16, n)];
    seen = new LongMultiMap(n);
  }

  IdDedup run() {
    for (int f = 0; f < files.size(); f++) {
      FileScan fs = files.get(f);
      EntryTable t = fs.entries;
      rows:
      for (int r = 0; r < t.size; r++) {
        int key = t.messageId[r];
        long h = fs.pool.hash64(key);
        for (int n = seen.first(h); n >= 0; n = seen.next(n)) {
          int s = seen.value(n);
          FileScan o = files.get(file[s]);
          if (o.pool.equals(o.entries.messageId[row[s]], fs.pool, key)) {
            duplicates++;
            if (t.total(r) > o.entries.total(row[s])) {
              file[s] = f;
              row[s] = r;
            }
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
}
