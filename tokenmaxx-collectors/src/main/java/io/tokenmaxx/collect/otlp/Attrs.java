package io.tokenmaxx.collect.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.math.BigDecimal;
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

  private final List<KeyValue> own;
  private final Attrs fallback;
  private final int maxLength;
  /** UTF-8 forms of keys, for the hasher (which orders attributes by their bytes). */
  private static final ConcurrentHashMap<String, ByteString> KEYS = new ConcurrentHashMap<>();

  private HashMap<String, AnyValue> index;

  Attrs(List<KeyValue> own, Attrs fallback, int maxLength) {
    this.own = own;
    this.fallback = fallback;
    this.maxLength = maxLength;
  }

  List<KeyValue> list() {
    return own;
  }

  static ByteString keyBytes(String key) {
    ByteString k = KEYS.get(key);
    return k != null ? k : KEYS.computeIfAbsent(key, ByteString::copyFromUtf8);
  }

  /**
   * The value of {@code key} on the item, else on its resource; null when absent. Keys are
   * compared as the Strings the protobuf parser (and the JSON reader) already made: asking a
   * parsed KeyValue for its key's bytes would encode it again, once per attribute per item.
   */
  AnyValue raw(String key) {
    int n = own.size();
    if (n > SCAN_LIMIT) {
      if (index == null) {
        index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
          KeyValue kv = own.get(i);
          index.putIfAbsent(kv.getKey(), kv.getValue());
        }
      }
      AnyValue v = index.get(key);
      if (v != null) return v;
    } else {
      for (int i = 0; i < n; i++) {
        KeyValue kv = own.get(i);
        if (kv.getKey().equals(key)) return kv.getValue();
      }
    }
    return fallback == null ? null : fallback.raw(key);
  }

  boolean has(String key) {
    AnyValue v = raw(key);
    return v != null && v.getValueCase() != AnyValue.ValueCase.VALUE_NOT_SET;
  }

  /**
   * A string attribute (scalars are accepted in their text form); null when absent or blank.
   * Longer than the limit is rejected: these values are stored.
   */
  String string(String key) {
    AnyValue v = raw(key);
    if (v == null) return null;
    String s = switch (v.getValueCase()) {
      case STRING_VALUE -> v.getStringValue();
      case INT_VALUE -> Long.toString(v.getIntValue());
      case DOUBLE_VALUE -> Double.toString(v.getDoubleValue());
      case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
      case VALUE_NOT_SET -> null;
      default -> throw new Rejected("attribute '" + key + "' must be a string, was "
          + describe(v));
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
    AnyValue v = raw(key);
    if (v == null || v.getValueCase() != AnyValue.ValueCase.STRING_VALUE) return null;
    return v.getStringValue();
  }

  String requiredString(String key) {
    String s = string(key);
    if (s == null) throw new Rejected("missing required attribute '" + key + "'");
    return s;
  }

  /** A non-negative integer count; -1 when absent. Numeric strings are accepted. */
  long count(String key) {
    AnyValue v = raw(key);
    if (v == null) return -1;
    return switch (v.getValueCase()) {
      case VALUE_NOT_SET -> -1;
      case INT_VALUE -> nonNegative(key, v.getIntValue());
      case DOUBLE_VALUE -> countOf("attribute '" + key + "'", v.getDoubleValue());
      case STRING_VALUE -> parseCount(key, v.getStringValue());
      default -> throw new Rejected("attribute '" + key
          + "' must be a non-negative integer, was " + describe(v));
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
    AnyValue v = raw(key);
    if (v == null) return null;
    BigDecimal d = switch (v.getValueCase()) {
      case VALUE_NOT_SET -> null;
      case INT_VALUE -> BigDecimal.valueOf(v.getIntValue());
      case DOUBLE_VALUE -> {
        double x = v.getDoubleValue();
        if (!Double.isFinite(x)) {
          throw new Rejected("attribute '" + key + "' is not a finite number (" + x + ")");
        }
        yield BigDecimal.valueOf(x);
      }
      case STRING_VALUE -> {
        try {
          yield new BigDecimal(v.getStringValue().trim());
        } catch (NumberFormatException e) {
          throw new Rejected("attribute '" + key + "' must be a number, was string '"
              + clip(v.getStringValue()) + "'");
        }
      }
      default -> throw new Rejected("attribute '" + key + "' must be a number, was "
          + describe(v));
    };
    if (d != null && d.signum() < 0) {
      throw new Rejected("attribute '" + key + "' must not be negative, was " + d);
    }
    return d;
  }

  /** A non-negative whole number of milliseconds (fractions are rounded); null when absent. */
  Long millis(String key) {
    BigDecimal d = decimal(key);
    if (d == null) return null;
    if (d.compareTo(BigDecimal.valueOf(MAX_COUNT)) > 0) {
      throw tooLarge("attribute '" + key + "'", d.toPlainString());
    }
    return d.setScale(0, java.math.RoundingMode.HALF_UP).longValue();
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

  static Rejected tooLarge(String subject, String value) {
    return new Rejected(subject + " is " + value + ", over the limit of " + MAX_COUNT
        + " (sums would overflow)");
  }

  private static long parseCount(String key, String text) {
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
