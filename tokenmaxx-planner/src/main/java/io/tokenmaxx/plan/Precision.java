package io.tokenmaxx.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Numeric precision of stored weights or KV cache, with its size per element. */
public enum Precision {
  BF16(2.0),
  FP8(1.0),
  INT4(0.5);

  private final double bytes;

  Precision(double bytes) {
    this.bytes = bytes;
  }

  /** Bytes per stored element (INT4 packs two values in a byte). */
  public double bytes() {
    return bytes;
  }

  /** Lower-case name as used in catalogs and on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code bf16}, {@code fp8}, {@code int4} (any case; {@code fp16} counts as 16-bit). */
  public static Precision parse(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    if (t.equals("FP16") || t.equals("F16")) return BF16;
    for (Precision p : values()) {
      if (p.name().equals(t)) return p;
    }
    throw new IllegalArgumentException("unknown precision '" + text + "'; expected one of "
        + Arrays.stream(values()).map(Precision::id).collect(Collectors.joining(", ")));
  }
}
