package io.tokenmaxx.cli.plan;

import io.tokenmaxx.plan.capacity.Rates;
import java.math.BigDecimal;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parsers for command-line amounts: token counts with K/M/B/T suffixes, shares as 0.2 or 20%. */
final class Amounts {
  private Amounts() {}

  /** {@code 250M}, {@code 3.5B}, {@code 1e9}, {@code 1_000_000}. */
  static double tokens(String text) {
    String t = text.strip().replace(",", "").replace("_", "").toUpperCase(Locale.ROOT);
    double unit = 1;
    if (!t.isEmpty()) {
      switch (t.charAt(t.length() - 1)) {
        case 'K' -> unit = 1e3;
        case 'M' -> unit = 1e6;
        case 'B', 'G' -> unit = 1e9;
        case 'T' -> unit = 1e12;
        default -> { }
      }
      if (unit != 1) t = t.substring(0, t.length() - 1);
    }
    try {
      double v = Double.parseDouble(t) * unit;
      if (!(v >= 0) || Double.isInfinite(v)) throw new NumberFormatException();
      return v;
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + text + "' is not a token count (e.g. 250M, 3.5B, 1e9)");
    }
  }

  /** {@code 0.2} or {@code 20%}. */
  static double share(String text) {
    String t = text.strip();
    try {
      return t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).strip()) / 100 : Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + text + "' is not a share (e.g. 0.2 or 20%)");
    }
  }

  static final class Tokens implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      return tokens(value);
    }
  }

  static final class Share implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      return share(value);
    }
  }

  static final class Usd implements ITypeConverter<BigDecimal> {
    @Override
    public BigDecimal convert(String value) {
      String t = value.strip().replace("$", "").replace(",", "");
      try {
        BigDecimal v = new BigDecimal(t);
        if (v.signum() < 0) throw new NumberFormatException();
        return v;
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not an amount in USD (e.g. 35000 or 2.49)");
      }
    }
  }

  /** {@code 1500} (the same at every level) or {@code p50,p95,peak}. */
  static final class Levels implements ITypeConverter<Rates> {
    @Override
    public Rates convert(String value) {
      String[] parts = value.split(",");
      if (parts.length == 1) return Rates.flat(tokens(parts[0]));
      if (parts.length != 3) throw new TypeConversionException("'" + value + "': give one rate or p50,p95,peak");
      try {
        return new Rates(tokens(parts[0]), tokens(parts[1]), tokens(parts[2]));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + value + "': " + e.getMessage());
      }
    }
  }
}
