package io.tokenmaxx.config;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Scalar settings as text with where each came from (default, a file, an environment variable, a
 * flag; later sources win), and their parsing into typed values. The one parser of settings: the
 * server's and the gateway's loaders keep their own keys, files and lists, and read every scalar
 * through here, so a value means the same everywhere and a bad one is named the same way —
 * {@code key: why (from origin)} — in the loader's own exception type.
 */
public final class SettingValues {
  private static final Set<String> TRUE = Set.of("true", "yes", "on", "1");
  private static final Set<String> FALSE = Set.of("false", "no", "off", "0");

  private final Map<String, String> defaults;
  private final BiFunction<String, String, RuntimeException> error;
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> origin = new LinkedHashMap<>();

  /**
   * @param defaults every known key and its default text
   * @param error    makes the loader's exception from a setting's key and a message
   */
  public SettingValues(Map<String, String> defaults, BiFunction<String, String, RuntimeException> error) {
    this.defaults = Map.copyOf(defaults);
    this.error = error;
    defaults.forEach((k, v) -> set(k, v, "default"));
  }

  /** {@code TOKENMAXX_} and the key in capitals with {@code _} for {@code .} and {@code -}. */
  public static String envName(String key) {
    return "TOKENMAXX_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public boolean known(String key) {
    return defaults.containsKey(key);
  }

  public Set<String> keys() {
    return defaults.keySet();
  }

  public void set(String key, String value, String source) {
    values.put(key, value == null ? "" : value.trim());
    origin.put(key, source);
  }

  /** Takes the variable {@link #envName} of every known key that the environment has. */
  public void environment(Map<String, String> env) {
    for (String key : defaults.keySet()) {
      String name = envName(key);
      String v = env.get(name);
      if (v != null) set(key, v, "environment " + name);
    }
  }

  /** Flags ({@code key -> value}); null values are ignored, unknown keys refused by {@code unknown}. */
  public void flags(Map<String, String> flags, java.util.function.Consumer<String> unknown) {
    flags.forEach((k, v) -> {
      if (v == null) return;
      if (!known(k)) unknown.accept(k);
      set(k, v, "flag --" + k.replace('.', '-'));
    });
  }

  public String str(String key) {
    return values.get(key);
  }

  public String origin(String key) {
    return origin.get(key);
  }

  /** The loader's exception naming the setting, why, and where its value came from. */
  public RuntimeException bad(String key, String why) {
    return error.apply(key, why + " (from " + origin.get(key) + ")");
  }

  public long longIn(String key, long min, long max) {
    long v;
    try {
      v = Long.parseLong(str(key));
    } catch (NumberFormatException e) {
      throw bad(key, "must be a whole number, was '" + str(key) + "'");
    }
    if (v < min || v > max) throw bad(key, "must be between " + min + " and " + max + ", was " + v);
    return v;
  }

  public int intIn(String key, int min, int max) {
    return (int) longIn(key, min, max);
  }

  public boolean bool(String key) {
    String v = str(key).toLowerCase(Locale.ROOT);
    if (TRUE.contains(v)) return true;
    if (FALSE.contains(v)) return false;
    throw bad(key, "must be true or false, was '" + str(key) + "'");
  }

  /** A positive duration: {@code 200ms}, {@code 10s}, {@code 5m}, {@code 2h} or ISO-8601 ({@code PT0.5S}). */
  public Duration duration(String key) {
    String v = str(key);
    Duration d;
    try {
      d = v.matches("\\d+ms") ? Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)))
          : v.matches("\\d+s") ? Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)))
          : v.matches("\\d+m") ? Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)))
          : v.matches("\\d+h") ? Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)))
          : Duration.parse(v);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw bad(key, "must be a duration such as 200ms, 10s, 5m or PT0.5S, was '" + v + "'");
    }
    if (d.isNegative() || d.isZero()) throw bad(key, "must be positive, was " + v);
    return d;
  }

  /** Like {@link #duration} but {@code 0}, {@code 0s} and {@code PT0S} mean zero (off). */
  public Duration durationOrZero(String key) {
    String v = str(key);
    if (v.equals("0") || v.equals("0s") || v.equals("PT0S")) return Duration.ZERO;
    return duration(key);
  }

  public DayOfWeek day(String key) {
    try {
      return DayOfWeek.valueOf(str(key).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw bad(key, "must be a day of the week such as monday, was '" + str(key) + "'");
    }
  }

  /** A time zone id; empty means the system's zone. */
  public ZoneId zone(String key) {
    String z = str(key);
    try {
      return z.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(z);
    } catch (DateTimeException e) {
      throw bad(key, "must be a time zone id such as Europe/Berlin, was '" + z + "'");
    }
  }

  /** A share above 0 and at most 1. */
  public double fraction(String key) {
    double v;
    try {
      v = Double.parseDouble(str(key));
    } catch (NumberFormatException e) {
      throw bad(key, "must be a number such as 0.5, was '" + str(key) + "'");
    }
    if (!(v > 0 && v <= 1)) throw bad(key, "must be a share above 0 and at most 1 (0.5 = 50 %), was " + v);
    return v;
  }
}
