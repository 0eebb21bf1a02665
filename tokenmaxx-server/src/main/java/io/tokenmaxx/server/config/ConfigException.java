package io.tokenmaxx.server.config;

/** A setting is missing or wrong; the message names the setting and where it came from. */
public final class ConfigException extends RuntimeException {
  private final String setting;

  public ConfigException(String setting, String message) {
    super(setting + ": " + message);
    this.setting = setting;
  }

  public String setting() {
    return setting;
  }
}
