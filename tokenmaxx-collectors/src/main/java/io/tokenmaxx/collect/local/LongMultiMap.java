package io.tokenmaxx.collect.local;

import java.util.Arrays;

/**
 * A map from 64-bit hash to a list of ints, with open addressing and array-backed lists: the
 * dedupe indexes, without boxing. Lists keep insertion order (the first match wins, as in ccusage).
 */
final class LongMultiMap {
  private long[] keys;
  private int[] heads; // node index + 1, 0 = empty slot
  private int[] next;
  private int[] values;
  private int nodes;
  private int used;

  LongMultiMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2)) * 2;
    keys = new long[cap];
    heads = new int[cap];
    next = new int[Math.max(16, expected)];
    values = new int[Math.max(16, expected)];
  }

  /** First node of {@code key}'s list (use {@link #value} and {@link #next}); -1 when none. */
  int first(long key) {
    int mask = keys.length - 1;
    for (int slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
      int h = heads[slot];
      if (h == 0) return -1;
      if (keys[slot] == key) return h - 1;
    }
  }

  int value(int node) {
    return values[node];
  }

  int next(int node) {
    return next[node] - 1;
  }

  /** Adds {@code value} to {@code key}'s list unless already there. */
  void addUnique(long key, int value) {
    for (int n = first(key); n >= 0; n = next(n)) if (values[n] == value) return;
    add(key, value);
  }

  void add(long key, int value) {
    if (nodes == values.length) {
      values = Arrays.copyOf(values, nodes * 2);
      next = Arrays.copyOf(next, nodes * 2);
    }
    int mask = keys.length - 1;
    int slot = mix(key) & mask;
    while (heads[slot] != 0 && keys[slot] != key) slot = (slot + 1) & mask;
    int node = nodes++;
    values[node] = value;
    if (heads[slot] == 0) {
      keys[slot] = key;
      next[node] = 0;
      heads[slot] = node + 1;
      if (++used * 2 > keys.length) rehash();
    } else {
      int n = heads[slot] - 1;
      while (next[n] != 0) n = next[n] - 1;
      next[n] = node + 1;
      next[node] = 0;
    }
  }

  private void rehash() {
    long[] oldKeys = keys;
    int[] oldHeads = heads;
    keys = new long[oldKeys.length * 2];
    heads = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldHeads[i] == 0) continue;
      int slot = mix(oldKeys[i]) & mask;
      while (heads[slot] != 0) slot = (slot + 1) & mask;
      keys[slot] = oldKeys[i];
      heads[slot] = oldHeads[i];
    }
  }

  private static int mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    return (int) k;
  }
}
