package io.tokenmaxx.cli.report;

import java.time.DateTimeException;
import java.time.ZoneId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** An IANA time zone ({@code Europe/Berlin}), {@code UTC}, or an offset ({@code +02:00}). */
final class ZoneArg implements ITypeConverter<ZoneId> {
  @Override
  public ZoneId convert(String v) {
    try {
      return ZoneId.of(v.trim());
    } catch (DateTimeException e) {
      throw new TypeConversionException("'" + v + "' is not a time zone (an IANA name such as Europe/Berlin, UTC, or +02:00)");
    }
  }
}
