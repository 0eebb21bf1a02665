package io.tokenmaxx.collect.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Typed, validating lookups over an item's attributes, falling back to its resource's. Every
 * getter names the attribute and what was wrong with it when it throws {@link Rejected}.
 */
final class Attrs {
  /**
   * The largest count one item may carry: 10^15 tokens (or lines, or seconds) in one request or
   * interval is not a real count, and sums of a few such values would overflow 64 bits.
   */
  static final long MAX_COUNT = 1_000_000_000_000_000L;

  /** Above this many attributes, lookups go through a hash map built on first use. */
  private static final int SCAN_LIMIT = 12;

  /** What an attribute holds: the scalar kinds are kept unboxed, the others as their message. */
  enum Kind { EMPTY, STRING, BOOL, INT, DOUBLE, OTHER }

  private static final Kind[] KINDS = Kind.values();

  /** UTF-8 forms of keys, for the hasher (which orders attributes by their bytes). */
  private static final ConcurrentHashMap<String, ByteString> KEYS = new ConcurrentHashMap<>();

  private final int maxLength;
  private Attrs fallback;
  private String[] keys;
  /** The keys' hash codes (cached by each String), compared before the keys themselves. */
  private int[] hashes;
  /** One bit per key hash modulo 64: most absent keys are answered without a scan. */
  private long bloom;
  private byte[] kinds;
  /** INT: the value; DOUBLE: its raw bits; BOOL: 1 or 0. */
  private long[] bits;
  /** STRING: the String; OTHER: the AnyValue (for messages); otherwise null. */
  private Object[] refs;
  private int size;
  private HashMap<String, Integer> index;

  /** Attributes of a parsed message (a data point, span, resource or log record). */
  Attrs(List<KeyValue> own, Attrs fallback, int maxLength) {
    this(own.size(), fallback, maxLength);
    for (int i = 0, n = own.size(); i < n; i++) {
      KeyValue kv = own.get(i);
      add(kv.getKey(), kv.getValue());
    }
  }

  /** Empty attributes with room for {@code capacity}, to be filled with the {@code add} methods. */
  Attrs(int capacity, Attrs fallback, int maxLength) {
    int c = Math.max(4, capacity);
    this.keys = new String[c];
    this.hashes = new int[c];
    this.kinds = new byte[c];
    this.bits = new long[c];
    this.refs = new Object[c];
    this.fallback = fallback;
    this.maxLength = maxLength;
  }

  /** Forgets every attribute (keeping the arrays) and sets the resource to fall back to. */
  void reset(Attrs fallback) {
    Arrays.fill(refs, 0, size, null);
    size = 0;
    bloom = 0;
    index = null;
    this.fallback = fallback;
  }

  int size() {
    return size;
  }

  /** The key of this item's attribute {@code i} (in arrival order). */
  String key(int i) {
    return keys[i];
  }

  /** Attribute {@code i}'s value when it is a string; null for any other kind. */
  String textAt(int i) {
    return kinds[i] == Kind.STRING.ordinal() ? (String) refs[i] : null;
  }

  /**
   * Appends a key and returns its index. It may grow the arrays: callers index them after the call
   * ({@code refs[slot(...)] = v} would store into the old array).
   */
  private int slot(String key, Kind kind) {
    if (size == keys.length) {
      int c = size * 2;
      keys = Arrays.copyOf(keys, c);
      hashes = Arrays.copyOf(hashes, c);
      kinds = Arrays.copyOf(kinds, c);
      bits = Arrays.copyOf(bits, c);
      refs = Arrays.copyOf(refs, c);
    }
    index = null;
    int h = key.hashCode();
    bloom |= 1L << h;
    hashes[size] = h;
    keys[size] = key;
    kinds[size] = (byte) kind.ordinal();
    return size++;
  }

  void addString(String key, String value) {
    int i = slot(key, Kind.STRING);
    refs[i] = value;
  }

  void addBool(String key, boolean value) {
    int i = slot(key, Kind.BOOL);
    bits[i] = value ? 1 : 0;
  }

  void addInt(String key, long value) {
    int i = slot(key, Kind.INT);
    bits[i] = value;
  }

  void addDouble(String key, double value) {
    int i = slot(key, Kind.DOUBLE);
    bits[i] = Double.doubleToRawLongBits(value);
  }

  void addEmpty(String key) {
    slot(key, Kind.EMPTY);
  }

  /** An array, key-value list, bytes or string-table value: only ever described, never read. */
  void addOther(String key, AnyValue value) {
    int i = slot(key, Kind.OTHER);
    refs[i] = value;
  }

  void add(String key, AnyValue v) {
    switch (v.getValueCase()) {
      case STRING_VALUE -> addString(key, v.getStringValue());
      case BOOL_VALUE -> addBool(key, v.getBoolValue());
      case INT_VALUE -> addInt(key, v.getIntValue());
      case DOUBLE_VALUE -> addDouble(key, v.getDoubleValue());
      case VALUE_NOT_SET -> addEmpty(key);
      default -> addOther(key, v);
    }
  }

  static ByteString keyBytes(String key) {
    ByteString k = KEYS.get(key);
    return k != null ? k : KEYS.computeIfAbsent(key, ByteString::copyFromUtf8);
  }

  /** Where {@code key} is among this item's own attributes (the first one), or -1. */
  private int find(String key) {
    int h = key.hashCode();
    if ((bloom & (1L << h)) == 0) return -1;
    int n = size;
    if (n > SCAN_LIMIT) {
      if (index == null) {
        index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) index.putIfAbsent(keys[i], i);
      }
      Integer i = index.get(key);
      return i == null ? -1 : i;
    }
    int[] hs = hashes;
    for (int i = 0; i < n; i++) {
      if (hs[i] == h && keys[i].equals(key)) return i;
    }
    return -1;
  }

  /**
   * The kind of {@code key}'s value on the item, else on its resource; null when absent. Keys
   * are compared as Strings (the parsers decode each key once).
   */
  Kind kind(String key) {
    for (Attrs a = this; a != null; a = a.fallback) {
      int i = a.find(key);
      if (i >= 0) return KINDS[a.kinds[i]];
    }
    return null;
  }

  boolean has(String key) {
    Kind k = kind(key);
    return k != null && k != Kind.EMPTY;
  }

  /** The value of {@code key} when it is a string attribute (no other kind); null otherwise. */
  String stringValue(String key) {
    for (Attrs a = this; a != null; a = a.fallback) {
      int i = a.find(key);
      if (i >= 0) return a.kinds[i] == Kind.STRING.ordinal() ? (String) a.refs[i] : null;
    }
    return null;
  }

  /**
   * A string attribute (scalars are accepted in their text form); null when absent or blank.
   * Longer than the limit is rejected: these values are stored.
   */
  String string(String key) {
    for (Attrs a = this; a != null; a = a.fallback) {
      int i = a.find(key);
      if (i >= 0) return a.stringAt(key, i);
    }
    return null;
  }

  private String stringAt(String key, int i) {
    String s = switch (KINDS[kinds[i]]) {
      case STRING -> (String) refs[i];
      case INT -> Long.toString(bits[i]);
      case DOUBLE -> Double.toString(Double.longBitsToDouble(bits[i]));
      case BOOL -> Boolean.toString(bits[i] != 0);
      case EMPTY -> null;
      case OTHER -> throw new Rejected("attribute '" + key + "' must be a string, was "
          + describe(i));
    };
    if (s == null || s.isBlank()) return null;
    if (s.length() > maxLength) {
      throw new Rejected("attribute '" + key + "' is " + s.length()
          + " characters long, over the limit of " + maxLength);
    }
    return s;
  }

  /** Like {@link #string} but without the length limit: for values only hashed, never stored. */
  String unboundedString(String key) {
    return stringValue(key);
  }

  String requiredString(String key) {
    String s = string(key);
    if (s == null) throw new Rejected("missing required attribute '" + key + "'");
    return s;
  }

  /** A non-negative integer count; -1 when absent. Numeric strings are accepted. */
  long count(String key) {
    for (Attrs a = this; a != null; a = a.fallback) {
      int i = a.find(key);
      if (i >= 0) return a.countAt(key, i);
    }
    return -1;
  }

  private long countAt(String key, int i) {
    return switch (KINDS[kinds[i]]) {
      case EMPTY -> -1;
      case INT -> nonNegative(key, bits[i]);
      case DOUBLE -> countOf("attribute '" + key + "'", Double.longBitsToDouble(bits[i]));
      case STRING -> parseCount(key, (String) refs[i]);
      default -> throw new Rejected("attribute '" + key
          + "' must be a non-negative integer, was " + describe(i));
    };
  }

  long requiredCount(String key) {
    long c = count(key);
    if (c < 0) throw new Rejected("missing required attribute '" + key + "'");
    return c;
  }

  /** {@link #count} with 0 for absent. */
  long countOrZero(String key) {
    return Math.max(0, count(key));
  }

  /** A non-negative decimal (money, durations); null when absent. */
  BigDecimal decimal(String key) {
    for (Attrs a = this; a != null; a = a.fallback) {
      int i = a.find(key);
      if (i >= 0) return a.decimalAt(key, i);
    }
    return null;
  }

  private BigDecimal decimalAt(String key, int i) {
    BigDecimal d = switch (KINDS[kinds[i]]) {
      case EMPTY -> null;
      case INT -> BigDecimal.valueOf(bits[i]);
      case DOUBLE -> {
        double x = Double.longBitsToDouble(bits[i]);
        if (!Double.isFinite(x)) {
          throw new Rejected("attribute '" + key + "' is not a finite number (" + x + ")");
        }
        yield BigDecimal.valueOf(x);
      }
      case STRING -> {
        String text = (String) refs[i];
        if (text.length() > MAX_NUMBER_TEXT) throw notANumber(key, text);
        try {
          yield new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
          throw new Rejected("attribute '" + key + "' must be a number, was string '"
              + clip(text) + "'");
        }
      }
      default -> throw new Rejected("attribute '" + key + "' must be a number, was "
          + describe(i));
    };
    if (d != null && d.signum() < 0) {
      throw new Rejected("attribute '" + key + "' must not be negative, was " + d);
    }
    return d;
  }

  /** A non-negative whole number of milliseconds (fractions are rounded); null when absent. */
  Long millis(String key) {
    for (Attrs a = this; a != null; a = a.fallback) {
      int i = a.find(key);
      if (i >= 0) return a.millisAt(key, i);
    }
    return null;
  }

  private Long millisAt(String key, int i) {
    Attrs a = this;
    byte kind = a.kinds[i];
    if (kind == Kind.INT.ordinal() && a.bits[i] >= 0 && a.bits[i] <= MAX_COUNT) return a.bits[i];
    if (kind == Kind.STRING.ordinal()) {
      long plain = plainDigits((String) a.refs[i]);
      if (plain >= 0) return plain;
    }
    BigDecimal d = a.decimalAt(key, i);
    if (d == null) return null;
    if (d.compareTo(BigDecimal.valueOf(MAX_COUNT)) > 0) {
      throw tooLarge("attribute '" + key + "'", d.toPlainString());
    }
    return d.setScale(0, java.math.RoundingMode.HALF_UP).longValue();
  }

  /** The value of 1-15 ASCII digits and nothing else (always below MAX_COUNT), else -1. */
  private static long plainDigits(String s) {
    int n = s.length();
    if (n == 0 || n > 15) return -1;
    long v = 0;
    for (int i = 0; i < n; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) return -1;
      v = v * 10 + d;
    }
    return v;
  }

  private static long nonNegative(String key, long v) {
    if (v < 0) throw new Rejected("attribute '" + key + "' must not be negative, was " + v);
    if (v > MAX_COUNT) throw tooLarge("attribute '" + key + "'", Long.toString(v));
    return v;
  }

  /** A count from a floating-point value; {@code subject} names it in messages. */
  static long countOf(String subject, double v) {
    if (!Double.isFinite(v)) throw new Rejected(subject + " is not a finite number (" + v + ")");
    if (v < 0) throw new Rejected(subject + " must not be negative, was " + v);
    if (v > MAX_COUNT) throw tooLarge(subject, Double.toString(v));
    return Math.round(v);
  }

  /** A numeric string longer than this is not a number anyone sends (and is costly to parse). */
  private static final int MAX_NUMBER_TEXT = 100;

  private static Rejected notANumber(String key, String text) {
    return new Rejected("attribute '" + key + "' must be a number, was a string of " + text.length()
        + " characters");
  }

  static Rejected tooLarge(String subject, String value) {
    return new Rejected(subject + " is " + value + ", over the limit of " + MAX_COUNT
        + " (sums would overflow)");
  }

  private static long parseCount(String key, String text) {
    if (text.length() > MAX_NUMBER_TEXT) throw notANumber(key, text);
    String s = text.trim();
    try {
      return nonNegative(key, Long.parseLong(s));
    } catch (NumberFormatException e) {
      BigDecimal d;
      try {
        d = new BigDecimal(s);
      } catch (NumberFormatException notNumber) {
        throw new Rejected("attribute '" + key + "' must be a non-negative integer, was string '"
            + clip(text) + "'");
      }
      if (d.signum() < 0) throw new Rejected("attribute '" + key + "' must not be negative, was "
          + clip(text));
      if (d.compareTo(BigDecimal.valueOf(MAX_COUNT)) > 0) {
        throw tooLarge("attribute '" + key + "'", clip(text));
      }
      return d.setScale(0, java.math.RoundingMode.HALF_UP).longValue();
    }
  }

  private String describe(int i) {
    return switch (KINDS[kinds[i]]) {
      case STRING -> "string '" + clip((String) refs[i]) + "'";
      case INT -> "integer " + bits[i];
      case DOUBLE -> "double " + Double.longBitsToDouble(bits[i]);
      case BOOL -> "boolean " + (bits[i] != 0);
      case EMPTY -> "empty";
      case OTHER -> describe((AnyValue) refs[i]);
    };
  }

  static String describe(AnyValue v) {
    return switch (v.getValueCase()) {
      case STRING_VALUE -> "string '" + clip(v.getStringValue()) + "'";
      case INT_VALUE -> "integer " + v.getIntValue();
      case DOUBLE_VALUE -> "double " + v.getDoubleValue();
      case BOOL_VALUE -> "boolean " + v.getBoolValue();
      case ARRAY_VALUE -> "an array";
      case KVLIST_VALUE -> "a key-value list";
      case BYTES_VALUE -> "bytes";
      case STRING_VALUE_STRINDEX -> "a string-table reference";
      case VALUE_NOT_SET -> "empty";
    };
  }

  static String clip(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
