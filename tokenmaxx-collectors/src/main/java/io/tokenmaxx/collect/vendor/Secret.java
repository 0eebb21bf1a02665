package io.tokenmaxx.collect.vendor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An admin key. Its value is only handed to the HTTP request that needs it: {@link #toString()}
 * names where it came from, never the value, and no error or status message contains it.
 */
public final class Secret {
  private final String value;
  private final String origin;

  private Secret(String value, String origin) {
    this.value = value;
    this.origin = origin;
  }

  /**
   * A secret given directly (configuration file, environment, flag).
   *
   * @param origin where it came from, for messages: e.g. {@code importers.anthropic.admin-key (environment)}
   */
  public static Secret of(String value, String origin) {
    Objects.requireNonNull(origin, "origin");
    if (value == null || value.isBlank()) throw new IllegalArgumentException(origin + " is empty");
    if (value.strip().chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
      throw new IllegalArgumentException(origin + " contains spaces or characters a key cannot have");
    }
    return new Secret(value.strip(), origin);
  }

  /** A secret read from a file (its first line); the error names the file, never its content. */
  public static Secret fromFile(Path file, String setting) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(setting + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    String line = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    if (line.isEmpty()) throw new IllegalArgumentException(setting + ": " + file + " is empty");
    return of(line, setting + " (" + file + ")");
  }

  /** The key itself; only for the request header that carries it. */
  String reveal() {
    return value;
  }

  /** Where the key came from. */
  public String origin() {
    return origin;
  }

  /** Replaces any occurrence of the key in {@code text} (vendors sometimes echo what they were sent). */
  String redact(String text) {
    return text == null ? null : text.replace(value, "[redacted]");
  }

  @Override
  public String toString() {
    return "Secret[" + origin + "]";
  }
}
