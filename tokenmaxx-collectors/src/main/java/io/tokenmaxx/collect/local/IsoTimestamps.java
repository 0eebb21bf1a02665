package io.tokenmaxx.collect.local;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses the timestamps agents write ({@code 2026-01-09T10:00:00.000Z}, with or without
 * milliseconds, {@code Z} or a {@code ±HH:MM} offset) to epoch milliseconds without allocating.
 */
final class IsoTimestamps {
  static final long INVALID = Long.MIN_VALUE;

  private IsoTimestamps() {}

  /** The strict form Claude Code writes (and ccusage accepts); {@link #INVALID} otherwise. */
  static long strict(byte[] b, int s, int e) {
    int n = e - s;
    int tz;
    int millis = 0;
    if ((n == 20 || n == 25) && (b[s + 19] == 'Z' || b[s + 19] == '+' || b[s + 19] == '-')) {
      tz = 19;
    } else if ((n == 24 || n == 29) && b[s + 19] == '.') {
      millis = digits(b, s + 20, 3);
      tz = 23;
    } else {
      return INVALID;
    }
    if (b[s + 4] != '-' || b[s + 7] != '-' || b[s + 10] != 'T' || b[s + 13] != ':' || b[s + 16] != ':') {
      return INVALID;
    }
    int year = digits(b, s, 4);
    int month = digits(b, s + 5, 2);
    int day = digits(b, s + 8, 2);
    int hour = digits(b, s + 11, 2);
    int minute = digits(b, s + 14, 2);
    int second = digits(b, s + 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || millis < 0) {
      return INVALID;
    }
    int offsetMinutes;
    if (n - tz == 1) {
      if (b[s + tz] != 'Z') return INVALID;
      offsetMinutes = 0;
    } else if (n - tz == 6 && b[s + tz + 3] == ':') {
      int oh = digits(b, s + tz + 1, 2);
      int om = digits(b, s + tz + 4, 2);
      if (oh < 0 || om < 0) return INVALID;
      offsetMinutes = (oh * 60 + om) * (b[s + tz] == '-' ? -1 : 1);
    } else {
      return INVALID;
    }
    long days = daysFromCivil(year, month, day);
    return ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60_000L + second * 1000L + millis;
  }

  /** The strict form, else any ISO-8601 date-time with an offset; {@link #INVALID} otherwise. */
  static long lenient(String text) {
    if (text == null) return INVALID;
    String t = text.trim();
    byte[] b = t.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    long v = strict(b, 0, b.length);
    if (v != INVALID) return v;
    try {
      return OffsetDateTime.parse(t).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return INVALID;
    }
  }

  /** Epoch seconds or milliseconds as some logs write them. */
  static long fromNumber(long raw) {
    return raw > 10_000_000_000L ? raw : raw * 1000;
  }

  private static int digits(byte[] b, int s, int n) {
    int v = 0;
    for (int i = 0; i < n; i++) {
      int d = b[s + i] - '0';
      if (d < 0 || d > 9) return -1;
      v = v * 10 + d;
    }
    return v;
  }

  private static int daysInMonth(int y, int m) {
    return switch (m) {
      case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
  static long daysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }
}
