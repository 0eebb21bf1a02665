package io.tokenmaxx.cli.report;

import java.time.DateTimeException;
import java.time.ZoneId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** An IANA time zone ({@code Europe/Berlin}), {@code UTC}, or an offset ({@code +02:00}). */
final class ZoneArg implements ITypeConverter<ZoneId> {
  @Override
  public ZoneId convert(String v) {
    ZoneId z = parse(v);
    if (z == null) {
      throw new TypeConversionException("'" + v + "' is not a time zone (an IANA name such as Europe/Berlin, UTC, or +02:00)");
    }
    return z;
  }

  /** The zone, or null when {@code v} is none. */
  static ZoneId parse(String v) {
    try {
      return ZoneId.of(v.trim());
    } catch (DateTimeException e) {
      return null;
    }
  }
}
