package io.tokenmaxx.server.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenmaxx.gateway.config.GatewayConfig;
import io.tokenmaxx.gateway.config.GatewayConfigException;
import io.tokenmaxx.gateway.config.GatewayConfigLoader;
import io.tokenmaxx.server.config.ConfigException;
import io.tokenmaxx.server.config.ConfigLoader;
import java.util.Map;

/**
 * The gateway's settings in the server's scheme: the {@code gateway:} part of the file the
 * server's {@link ConfigLoader} read (the file is parsed once), then {@code TOKENMAXX_GATEWAY_*}
 * variables, then flags. Errors are {@link ConfigException}s naming the setting, like every other.
 */
public final class GatewaySettings {
  private GatewaySettings() {}

  /**
   * Validates and returns the gateway's settings. Budget periods follow the organization's zone and
   * week start ({@code analytics.zone}, {@code analytics.week-start}) unless {@code gateway.zone} or
   * {@code gateway.week-start} say otherwise.
   */
  public static GatewayConfig load(ConfigLoader server, Map<String, String> environment, Map<String, String> flags) {
    JsonNode section = server.section("gateway");
    Map<String, String> f = new java.util.HashMap<>(flags);
    var analytics = server.load().analytics();
    inherit(f, section, environment, "zone", analytics.zone().getId());
    inherit(f, section, environment, "week-start", analytics.weekStart().name().toLowerCase(java.util.Locale.ROOT));
    return load(section, server.sectionSource("gateway"), environment, f);
  }

  private static void inherit(Map<String, String> flags, JsonNode section, Map<String, String> env, String key,
      String value) {
    String setting = "gateway." + key;
    if (flags.containsKey(setting) || env.containsKey(GatewayConfigLoader.envName(setting))) return;
    if (section != null && section.has(key)) return;
    flags.put(setting, value);
  }

  static GatewayConfig load(JsonNode section, String source, Map<String, String> environment, Map<String, String> flags) {
    try {
      GatewayConfigLoader l = new GatewayConfigLoader();
      if (section != null) l.tree(section, source);
      return l.environment(environment).overrides(flags).load();
    } catch (GatewayConfigException e) {
      throw new ConfigException(e.setting(), e.getMessage().substring(e.setting().length() + 2));
    }
  }
}
