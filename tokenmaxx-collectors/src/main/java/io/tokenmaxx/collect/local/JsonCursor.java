package io.tokenmaxx.collect.local;

import java.nio.charset.StandardCharsets;

/**
 * A forward-only reader over one JSON value in a byte range, for extracting a handful of fields
 * from a log line without building a tree: it reads the keys it is asked about and skips every
 * other value by bracket counting (strings are skipped by looking only for quotes and
 * backslashes). Malformed input raises {@link Malformed}, a shared stackless exception.
 */
final class JsonCursor {
  /** The line is not valid JSON (torn, truncated, or not the expected shape). */
  static final class Malformed extends RuntimeException {
    static final Malformed INSTANCE = new Malformed();

    private Malformed() {
      super("malformed JSON", null, false, false);
    }
  }

  byte[] b;
  int pos;
  int end;
  /** The last key read by {@link #nextKey()}: {@code b[keyStart, keyEnd)}, raw (escapes not decoded). */
  int keyStart;
  int keyEnd;
  private boolean first;

  void reset(byte[] buf, int start, int end) {
    this.b = buf;
    this.pos = start;
    this.end = end;
  }

  static Malformed malformed() {
    return Malformed.INSTANCE;
  }

  int peek() {
    skipWs();
    if (pos >= end) throw malformed();
    return b[pos];
  }

  private void skipWs() {
    while (pos < end) {
      byte c = b[pos];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return;
      pos++;
    }
  }

  /** Enters an object: the next {@link #nextKey()} reads its first key. */
  void beginObject() {
    skipWs();
    if (pos >= end || b[pos] != '{') throw malformed();
    pos++;
    first = true;
  }

  /** Enters an array: the next {@link #nextElement()} reads its first element. */
  void beginArray() {
    skipWs();
    if (pos >= end || b[pos] != '[') throw malformed();
    pos++;
    first = true;
  }

  /** Moves to the next element of the current array; false at its end (the bracket is consumed). */
  boolean nextElement() {
    skipWs();
    if (pos >= end) throw malformed();
    byte c = b[pos];
    if (c == ']') {
      pos++;
      first = false;
      return false;
    }
    if (!first) {
      if (c != ',') throw malformed();
      pos++;
    }
    first = false;
    return true;
  }

  /** True when the value ahead is an array. */
  boolean atArray() {
    return peek() == '[';
  }

  /** Continues at {@code p}, where a key of the current object starts (no comma before it). */
  void jumpToKey(int p) {
    pos = p;
    first = true;
  }

  /** True when only whitespace is left. */
  boolean atEnd() {
    skipWs();
    return pos >= end;
  }

  /** True when the value ahead is an object. */
  boolean atObject() {
    return peek() == '{';
  }

  /**
   * Reads the next key of the current object and the colon after it; false at the object's end
   * (the closing brace is consumed).
   */
  boolean nextKey() {
    skipWs();
    if (pos >= end) throw malformed();
    byte c = b[pos];
    if (c == '}') {
      pos++;
      first = false;
      return false;
    }
    if (!first) {
      if (c != ',') throw malformed();
      pos++;
      skipWs();
      if (pos >= end) throw malformed();
      c = b[pos];
    }
    first = false;
    if (c != '"') throw malformed();
    keyStart = pos + 1;
    keyEnd = stringEnd(pos + 1);
    pos = keyEnd + 1;
    skipWs();
    if (pos >= end || b[pos] != ':') throw malformed();
    pos++;
    return true;
  }

  /** True when the last key equals {@code k} (an ASCII key without escapes). */
  boolean key(byte[] k) {
    int n = keyEnd - keyStart;
    if (n != k.length) return false;
    for (int i = 0; i < n; i++) if (b[keyStart + i] != k[i]) return false;
    return true;
  }

  private static final long QUOTES = Bytes.broadcast('"');
  private static final long BACKSLASHES = Bytes.broadcast('\\');

  /**
   * Index of the quote closing the string whose content starts at {@code i}. Long strings (tool
   * output, file contents) are skipped eight bytes at a time.
   */
  private int stringEnd(int i) {
    while (true) {
      while (i + 8 <= end
          && (Bytes.zeroBytes(Bytes.word(b, i) ^ QUOTES) | Bytes.zeroBytes(Bytes.word(b, i) ^ BACKSLASHES)) == 0) {
        i += 8;
      }
      int stop = Math.min(end, i + 8);
      boolean escape = false;
      for (; i < stop; i++) {
        byte c = b[i];
        if (c == '"') return i;
        if (c == '\\') {
          escape = true;
          break;
        }
      }
      if (escape) {
        i += 2; // the backslash and the character it escapes
      } else if (i >= end) {
        throw malformed();
      }
    }
  }

  /** Skips one value of any kind. */
  void skipValue() {
    skipWs();
    if (pos >= end) throw malformed();
    byte c = b[pos];
    if (c == '"') {
      pos = stringEnd(pos + 1) + 1;
    } else if (c == '{' || c == '[') {
      int depth = 0;
      int i = pos;
      while (i < end) {
        c = b[i++];
        if (c == '"') {
          i = stringEnd(i) + 1;
        } else if (c == '{' || c == '[') {
          depth++;
        } else if (c == '}' || c == ']') {
          if (--depth == 0) {
            pos = i;
            first = false;
            return;
          }
        }
      }
      throw malformed();
    } else {
      int i = pos;
      while (i < end) {
        c = b[i];
        if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t') break;
        i++;
      }
      if (i == pos) throw malformed();
      pos = i;
    }
    first = false;
  }

  /** True (and consumed) when the value ahead is {@code null}. */
  boolean nullValue() {
    skipWs();
    if (pos + 4 <= end && b[pos] == 'n' && b[pos + 1] == 'u' && b[pos + 2] == 'l' && b[pos + 3] == 'l') {
      pos += 4;
      return true;
    }
    return false;
  }

  /**
   * A non-negative integer that fits a long; anything else (fraction, exponent, sign, string,
   * null) returns -1 after skipping the value, so callers can treat it as invalid.
   */
  long longValue() {
    skipWs();
    if (pos >= end) throw malformed();
    int i = pos;
    long v = 0;
    int digits = 0;
    while (i < end) {
      byte c = b[i];
      if (c < '0' || c > '9') break;
      if (digits >= 18 && v > (Long.MAX_VALUE - (c - '0')) / 10) {
        skipValue();
        return -1;
      }
      v = v * 10 + (c - '0');
      digits++;
      i++;
    }
    if (digits == 0 || (i < end && (b[i] == '.' || b[i] == 'e' || b[i] == 'E'))) {
      skipValue();
      return -1;
    }
    pos = i;
    return v;
  }

  /** Boolean value; null or any other value returns null (after skipping it). */
  Boolean boolValue() {
    skipWs();
    if (pos + 4 <= end && b[pos] == 't' && b[pos + 1] == 'r' && b[pos + 2] == 'u' && b[pos + 3] == 'e') {
      pos += 4;
      return Boolean.TRUE;
    }
    if (pos + 5 <= end && b[pos] == 'f' && b[pos + 1] == 'a' && b[pos + 2] == 'l' && b[pos + 3] == 's' && b[pos + 4] == 'e') {
      pos += 5;
      return Boolean.FALSE;
    }
    skipValue();
    return null;
  }

  /** The raw text of a number value (for exact decimals), or null when the value is not a number. */
  String numberText() {
    skipWs();
    if (pos >= end) throw malformed();
    byte c = b[pos];
    if (c != '-' && (c < '0' || c > '9')) {
      skipValue();
      return null;
    }
    int s = pos;
    skipValue();
    return new String(b, s, pos - s, StandardCharsets.ISO_8859_1);
  }

  /** True when the value ahead is a string (not consumed). */
  boolean atString() {
    return peek() == '"';
  }

  /** Reads a string value (escapes decoded); a non-string value returns null after skipping it. */
  String stringValue() {
    skipWs();
    if (pos >= end) throw malformed();
    if (b[pos] != '"') {
      skipValue();
      return null;
    }
    int s = pos + 1;
    int e = stringEnd(s);
    pos = e + 1;
    first = false;
    boolean plain = true;
    for (int i = s; i < e; i++) {
      byte c = b[i];
      if (c == '\\' || c < 0) {
        plain = false;
        break;
      }
    }
    if (plain) return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    return decode(s, e);
  }

  /** Start and end of the raw bytes of a string value ahead, consumed; -1 when not a string. */
  long rawString() {
    skipWs();
    if (pos >= end) throw malformed();
    if (b[pos] != '"') {
      skipValue();
      return -1;
    }
    int s = pos + 1;
    int e = stringEnd(s);
    pos = e + 1;
    first = false;
    return ((long) s << 32) | e;
  }

  private String decode(int s, int e) {
    StringBuilder sb = new StringBuilder(e - s);
    int i = s;
    int runStart = s;
    while (i < e) {
      if (b[i] != '\\') {
        i++;
        continue;
      }
      if (i > runStart) sb.append(new String(b, runStart, i - runStart, StandardCharsets.UTF_8));
      if (i + 1 >= e) throw malformed();
      byte c = b[i + 1];
      switch (c) {
        case '"', '\\', '/' -> sb.append((char) c);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (i + 6 > e) throw malformed();
          try {
            sb.append((char) Integer.parseInt(new String(b, i + 2, 4, StandardCharsets.ISO_8859_1), 16));
          } catch (NumberFormatException x) {
            throw malformed();
          }
          i += 4;
        }
        default -> throw malformed();
      }
      i += 2;
      runStart = i;
    }
    if (e > runStart) sb.append(new String(b, runStart, e - runStart, StandardCharsets.UTF_8));
    return sb.toString();
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
