package io.tokenmaxx.collect.otlp;

import java.util.HexFormat;

/**
 * Identity of one cumulative metric series: a 128-bit digest of the resource attributes, the
 * instrumentation scope, the metric name, the data point attributes and the series' start time.
 * Persisted as its 32-character hex form.
 */
public record SeriesKey(long hi, long lo) {

  public String toHex() {
    HexFormat hex = HexFormat.of();
    return hex.toHexDigits(hi) + hex.toHexDigits(lo);
  }

  public static SeriesKey fromHex(String hex) {
    if (hex == null || hex.length() != 32) {
      throw new IllegalArgumentException("series key must be 32 hex characters, was " + hex);
    }
    return new SeriesKey(HexFormat.fromHexDigitsToLong(hex, 0, 16),
        HexFormat.fromHexDigitsToLong(hex, 16, 32));
  }

  @Override
  public String toString() {
    return toHex();
  }
}
