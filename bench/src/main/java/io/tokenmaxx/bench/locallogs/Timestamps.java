package io.tokenmaxx.bench.locallogs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps as the agents write them: UTC, milliseconds, {@code Z}. */
final class Timestamps {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  static String iso(long millis) {
    return ISO.format(Instant.ofEpochMilli(millis));
  }
}
