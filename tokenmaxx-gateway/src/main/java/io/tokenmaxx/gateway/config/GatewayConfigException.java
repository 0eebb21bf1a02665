package io.tokenmaxx.gateway.config;

/** A gateway setting is wrong; the message names the setting and where it came from. */
public final class GatewayConfigException extends RuntimeException {
  private final String setting;

  public GatewayConfigException(String setting, String message) {
    super(setting + ": " + message);
    this.setting = setting;
  }

  public String setting() {
    return setting;
  }
}
