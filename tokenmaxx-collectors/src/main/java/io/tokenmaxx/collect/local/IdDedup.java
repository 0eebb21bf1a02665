package io.tokenmaxx.collect.local;

import java.util.List;

/**
 * Counts each Gemini CLI or Qwen Code message once: entries with the same key (session and message
 * id) collapse into the largest copy (a Gemini log rewrites a message as it streams; checkpoints
 * and saved chats copy whole conversations). A Qwen Code message record whose request has a usage
 * event ({@link EntryTable#USAGE_EVENT}) is dropped: the event counts the request.
 */
final class IdDedup {
  int[] file;
  int[] row;
  int size;
  long duplicates;

  private final List<FileScan> files;
  private final LongMultiMap seen;
  /** Where each usage event is: file and row, by the index {@link #usageEvents} maps keys to. */
  private int[] eventFile;
  private int[] eventRow;
  private int eventCount;

  IdDedup(List<FileScan> files) {
    this.files = files;
    int n = 0;
    for (FileScan f : files) n += f.load().entries.size;
    file = new int[Math.max(16, n)];
    row = new int[Math.max(16, n)];
    seen = new LongMultiMap(n);
  }

  IdDedup run() {
    LongMultiMap events = usageEvents();
    for (int f = 0; f < files.size(); f++) {
      FileScan fs = files.get(f);
      EntryTable t = fs.entries;
      rows:
      for (int r = 0; r < t.size; r++) {
        if (events != null && t.requestId[r] >= 0 && (t.flags[r] & EntryTable.USAGE_EVENT) == 0
            && isUsageEvent(events, fs, t.requestId[r])) {
          duplicates++; // a message record of a request its usage event already counts
          continue;
        }
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

  /** The usage events, by the hash of their key, or null when there are none (no Qwen telemetry). */
  private LongMultiMap usageEvents() {
    LongMultiMap events = null;
    for (int f = 0; f < files.size(); f++) {
      FileScan fs = files.get(f);
      EntryTable t = fs.entries;
      for (int r = 0; r < t.size; r++) {
        if ((t.flags[r] & EntryTable.USAGE_EVENT) == 0) continue;
        if (events == null) {
          events = new LongMultiMap(64);
          eventFile = new int[64];
          eventRow = new int[64];
        }
        if (eventCount == eventFile.length) {
          eventFile = java.util.Arrays.copyOf(eventFile, eventCount * 2);
          eventRow = java.util.Arrays.copyOf(eventRow, eventCount * 2);
        }
        eventFile[eventCount] = f;
        eventRow[eventCount] = r;
        events.add(fs.pool.hash64(t.messageId[r]), eventCount++);
      }
    }
    return events;
  }

  /** Whether {@code key} (a string of {@code fs}'s pool) is the key of a usage event. */
  private boolean isUsageEvent(LongMultiMap events, FileScan fs, int key) {
    for (int n = events.first(fs.pool.hash64(key)); n >= 0; n = events.next(n)) {
      FileScan o = files.get(eventFile[events.value(n)]);
      if (o.pool.equals(o.entries.messageId[eventRow[events.value(n)]], fs.pool, key)) return true;
    }
    return false;
  }
}
