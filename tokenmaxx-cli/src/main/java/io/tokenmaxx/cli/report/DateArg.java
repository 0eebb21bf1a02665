package io.tokenmaxx.cli.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A calendar date given as {@code YYYY-MM-DD} or {@code YYYYMMDD} (ccusage accepts both). */
final class DateArg implements ITypeConverter<LocalDate> {
  @Override
  public LocalDate convert(String v) {
    LocalDate d = parse(v);
    if (d == null) throw new TypeConversionException("'" + v + "' is not a date (YYYY-MM-DD or YYYYMMDD)");
    return d;
  }

  /** The date, or null when {@code v} is none. */
  static LocalDate parse(String v) {
    String t = v.trim();
    try {
      if (t.matches("\\d{8}")) t = t.substring(0, 4) + "-" + t.substring(4, 6) + "-" + t.substring(6);
      return LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
