package io.tokenmaxx.collect.local;

import java.util.Arrays;

/**
 * The usage entries parsed from one log file, column by column (compact in memory and in the scan
 * cache). Token columns are already disjoint: {@code input} excludes cached input, {@code output}
 * excludes reasoning. Strings are indexes into the file's {@link StringPool}; -1 means absent.
 */
final class EntryTable {
  static final int SIDECHAIN = 1;
  static final int FAST = 2;
  static final int FALLBACK_MODEL = 4;
  static final int PROGRESS_COPY = 8;
  static final int API_ERROR = 16;
  /**
   * A per-request usage event (Qwen Code's {@code api_response} telemetry line): it stands for the
   * request, and a message record whose {@code requestId} names it is the same request again.
   */
  static final int USAGE_EVENT = 32;

  int size;
  long[] timestamp;
  long[] input;
  long[] output;
  long[] cacheRead;
  long[] cacheWrite5m;
  long[] cacheWrite1h;
  long[] reasoning;
  int[] model;
  int[] messageId;
  int[] requestId;
  int[] reportedCost;
  int[] flags;

  EntryTable() {
    this(16);
  }

  EntryTable(int capacity) {
    timestamp = new long[capacity];
    input = new long[capacity];
    output = new long[capacity];
    cacheRead = new long[capacity];
    cacheWrite5m = new long[capacity];
    cacheWrite1h = new long[capacity];
    reasoning = new long[capacity];
    model = new int[capacity];
    messageId = new int[capacity];
    requestId = new int[capacity];
    reportedCost = new int[capacity];
    flags = new int[capacity];
  }

  /** Appends a row and returns its index; the caller fills the columns. */
  int add() {
    if (size == timestamp.length) grow(Math.max(16, size * 2));
    messageId[size] = -1;
    requestId[size] = -1;
    reportedCost[size] = -1;
    model[size] = -1;
    flags[size] = 0;
    input[size] = output[size] = cacheRead[size] = cacheWrite5m[size] = cacheWrite1h[size] = reasoning[size] = 0;
    return size++;
  }

  /** Drops rows from {@code n} on. */
  void truncate(int n) {
    size = Math.min(size, n);
  }

  /** Sum of the token columns of row {@code i} (what the largest-copy rule compares). */
  long total(int i) {
    return input[i] + output[i] + cacheRead[i] + cacheWrite5m[i] + cacheWrite1h[i] + reasoning[i];
  }

  private void grow(int n) {
    timestamp = Arrays.copyOf(timestamp, n);
    input = Arrays.copyOf(input, n);
    output = Arrays.copyOf(output, n);
    cacheRead = Arrays.copyOf(cacheRead, n);
    cacheWrite5m = Arrays.copyOf(cacheWrite5m, n);
    cacheWrite1h = Arrays.copyOf(cacheWrite1h, n);
    reasoning = Arrays.copyOf(reasoning, n);
    model = Arrays.copyOf(model, n);
    messageId = Arrays.copyOf(messageId, n);
    requestId = Arrays.copyOf(requestId, n);
    reportedCost = Arrays.copyOf(reportedCost, n);
    flags = Arrays.copyOf(flags, n);
  }
}
