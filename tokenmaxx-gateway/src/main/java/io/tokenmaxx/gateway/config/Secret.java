package io.tokenmaxx.gateway.config;

import java.util.Objects;

/** A credential that never shows itself in logs, errors or {@code toString}. */
public final class Secret {
  private final String value;

  public Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** The credential, for the one place that sends it upstream. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "****";
  }
}
