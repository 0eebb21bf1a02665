package io.tokenmaxx.collect.local;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interned strings of one log file (models, message and request ids) as UTF-8 bytes in one array,
 * addressed by index. Compact to cache and cheap to compare across files.
 */
final class StringPool {
  private byte[] data;
  private int dataLen;
  private int[] offsets; // string i is data[offsets[i], offsets[i + 1])
  private int size;
  private int[] table; // open addressing: index + 1, 0 = empty
  private String[] strings;

  StringPool() {
    this(1024, 16);
  }

  private StringPool(int bytes, int count) {
    data = new byte[bytes];
    offsets = new int[count + 1];
    table = new int[Integer.highestOneBit(Math.max(16, count * 2)) * 2];
  }

  /** A pool holding exactly the given serialized strings (used by the cache). */
  static StringPool of(byte[] data, int[] offsets, int size) {
    StringPool p = new StringPool(0, 0);
    p.data = data;
    p.dataLen = offsets[size];
    p.offsets = offsets;
    p.size = size;
    p.table = new int[Integer.highestOneBit(Math.max(16, size * 2)) * 2];
    for (int i = 0; i < size; i++) p.insert(i, hash(data, offsets[i], offsets[i + 1]));
    return p;
  }

  int size() {
    return size;
  }

  byte[] data() {
    return data;
  }

  int[] offsets() {
    return offsets;
  }

  int start(int i) {
    return offsets[i];
  }

  int end(int i) {
    return offsets[i + 1];
  }

  int intern(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return intern(b, 0, b.length);
  }

  /** Index of the string with bytes {@code b[s, e)}, added if new. */
  int intern(byte[] b, int s, int e) {
    int h = hash(b, s, e);
    int mask = table.length - 1;
    for (int slot = h & mask; ; slot = (slot + 1) & mask) {
      int v = table[slot];
      if (v == 0) break;
      int i = v - 1;
      if (equals(i, b, s, e)) return i;
    }
    int len = e - s;
    if (dataLen + len > data.length) data = Arrays.copyOf(data, Math.max(data.length * 2, dataLen + len));
    System.arraycopy(b, s, data, dataLen, len);
    if (size + 2 > offsets.length) offsets = Arrays.copyOf(offsets, offsets.length * 2);
    offsets[size] = dataLen;
    dataLen += len;
    offsets[size + 1] = dataLen;
    int idx = size++;
    if (size * 2 > table.length) rehash();
    insert(idx, h);
    return idx;
  }

  private void insert(int idx, int h) {
    int mask = table.length - 1;
    int slot = h & mask;
    while (table[slot] != 0) slot = (slot + 1) & mask;
    table[slot] = idx + 1;
  }

  private void rehash() {
    table = new int[table.length * 2];
    for (int i = 0; i < size; i++) insert(i, hash(data, offsets[i], offsets[i + 1]));
  }

  boolean equals(int i, byte[] b, int s, int e) {
    return Arrays.equals(data, offsets[i], offsets[i + 1], b, s, e);
  }

  /** True when string {@code i} here equals string {@code j} of {@code other}. */
  boolean equals(int i, StringPool other, int j) {
    return Arrays.equals(data, offsets[i], offsets[i + 1], other.data, other.offsets[j], other.offsets[j + 1]);
  }

  long hash64(int i) {
    long h = 0xcbf29ce484222325L;
    for (int k = offsets[i]; k < offsets[i + 1]; k++) h = (h ^ (data[k] & 0xff)) * 0x100000001b3L;
    return h;
  }

  String get(int i) {
    if (strings == null || strings.length < size) strings = strings == null ? new String[size] : Arrays.copyOf(strings, size);
    String s = strings[i];
    if (s == null) strings[i] = s = new String(data, offsets[i], offsets[i + 1] - offsets[i], StandardCharsets.UTF_8);
    return s;
  }

  private static int hash(byte[] b, int s, int e) {
    int h = 0x9E3779B9;
    for (int i = s; i < e; i++) h = (h ^ b[i]) * 0x01000193;
    return h ^ (h >>> 16);
  }
}
