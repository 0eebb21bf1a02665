package io.tokenmaxx.wire;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses ISO-8601 timestamps with an offset, as {@link OffsetDateTime#parse} does, with a direct
 * path for the shape nearly every client sends ({@code 2026-11-23T10:15:30Z}, optional fraction of
 * 1 to 9 digits, {@code Z} or {@code ±HH:MM}): the formatter-based parse was a third of the ingest
 * API's parsing time. Anything else goes to {@link OffsetDateTime#parse}, so what is accepted and
 * what is refused does not change.
 */
final class IsoInstant {
  private IsoInstant() {}

  /** @throws DateTimeParseException when the text is not an ISO-8601 timestamp with offset */
  static Instant parse(String s) {
    Instant fast = direct(s);
    return fast != null ? fast : OffsetDateTime.parse(s).toInstant();
  }

  /** The common shape, or null to leave the text to the formatter. */
  private static Instant direct(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) return null;
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9) {
        int d = s.charAt(i) - '0';
        if (d < 0 || d > 9) break;
        nanos = nanos * 10 + d;
        i++;
      }
      int len = i - start;
      if (len == 0 || (i < n && Character.isDigit(s.charAt(i)))) return null;
      for (int k = len; k < 9; k++) nanos *= 10;
    }
    int offsetSeconds;
    if (i == n - 1 && s.charAt(i) == 'Z') {
      offsetSeconds = 0;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if ((oh | om) < 0 || oh > 18 || om > 59 || (oh == 18 && om > 0)) return null;
      offsetSeconds = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
    } else {
      return null;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null; // 2026-02-30 and the like: the formatter says what is wrong
    }
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds, nanos);
  }

  /** The non-negative number written by {@code len} ASCII digits at {@code from}, or -1. */
  private static int digits(String s, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) return -1;
      v = v * 10 + d;
    }
    return v;
  }
}
