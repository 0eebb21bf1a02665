package io.tokenmaxx.collect.local;

import java.nio.charset.StandardCharsets;

/**
 * A byte pattern that marks the lines worth parsing (e.g. {@code "usage":{}). Because JSON escapes
 * every quote inside a string, a pattern starting with a quote and ending with {@code :} or
 * {@code :{} can only match a real key, never text inside a string value.
 *
 * <p>{@link HeapLineReader} reads each eight-byte word once and looks in it for newlines and for
 * the marker's <em>trigger</em>: two adjacent bytes of the pattern (e.g. {@code :{}) that rarely
 * stand side by side in the logs. Only where the trigger occurs is the whole pattern compared
 * ({@link #matchesAt}), so the cost per byte is that of the word test alone.
 * {@link NativeLineReader} searches for the whole pattern ({@link #bytes}) with the C library.
 */
final class Marker {
  private final byte[] pattern;
  /** Offset in the pattern of the trigger's second byte: a trigger flagged at {@code q} means a match may start at {@code q - back}. */
  final int back;
  final long first;
  final long second;

  /**
   * {@code trigger} is the offset of the first of the two adjacent trigger bytes: pick two bytes of
   * the pattern that rarely occur side by side in the logs.
   */
  Marker(String pattern, int trigger) {
    this.pattern = pattern.getBytes(StandardCharsets.US_ASCII);
    if (trigger < 0 || trigger + 1 >= this.pattern.length) throw new IllegalArgumentException("bad trigger");
    this.back = trigger + 1;
    this.first = Bytes.broadcast(this.pattern[trigger]);
    this.second = Bytes.broadcast(this.pattern[trigger + 1]);
  }

  int length() {
    return pattern.length;
  }

  /** The pattern's bytes (a copy). */
  byte[] bytes() {
    return pattern.clone();
  }

  boolean matchesAt(byte[] buf, int p) {
    for (int j = 0; j < pattern.length; j++) if (buf[p + j] != pattern[j]) return false;
    return true;
  }
}
