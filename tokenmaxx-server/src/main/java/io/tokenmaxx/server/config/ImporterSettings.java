package io.tokenmaxx.server.config;

import io.tokenmaxx.collect.vendor.ImporterConfig;
import io.tokenmaxx.collect.vendor.Secret;
import io.tokenmaxx.collect.vendor.Vendor;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vendor import sources configured under {@code importers.<vendor>} ({@code anthropic},
 * {@code openai}, {@code cursor}, {@code github-copilot}): a source is configured when its
 * {@code admin-key} or {@code admin-key-file} is set; everything else has the vendor's default.
 * The keys never appear in a message: errors name the setting and where it came from.
 *
 * @param sources the configured sources, in vendor order
 */
public record ImporterSettings(List<ImporterConfig> sources) {

  /** The settings of one vendor, with their defaults ({@code ""}: unset). */
  static final List<String> KEYS = List.of("admin-key", "admin-key-file", "base-url", "interval", "backfill",
      "reread", "organization", "page-size");

  public ImporterSettings {
    sources = List.copyOf(sources);
  }

  public static ImporterSettings none() {
    return new ImporterSettings(List.of());
  }

  public boolean any() {
    return !sources.isEmpty();
  }

  static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    for (Vendor v : Vendor.values()) {
      String p = "importers." + v.id() + ".";
      d.put(p + "admin-key", "");
      d.put(p + "admin-key-file", "");
      d.put(p + "base-url", "");
      d.put(p + "interval", "1h");
      d.put(p + "backfill", "30d");
      d.put(p + "reread", v.rereadDays() + "d");
      d.put(p + "organization", "");
      d.put(p + "page-size", "");
    }
    return d;
  }

  /** Reads and validates every vendor's settings from {@code loader}. */
  static ImporterSettings load(ConfigLoader loader) {
    List<ImporterConfig> out = new ArrayList<>();
    for (Vendor v : Vendor.values()) {
      ImporterConfig c = source(loader, v);
      if (c != null) out.add(c);
    }
    return new ImporterSettings(out);
  }

  private static ImporterConfig source(ConfigLoader loader, Vendor v) {
    String p = "importers." + v.id() + ".";
    String key = loader.str(p + "admin-key");
    String keyFile = loader.str(p + "admin-key-file");
    if (key.isEmpty() && keyFile.isEmpty()) {
      for (String s : List.of("base-url", "organization", "page-size")) {
        if (!loader.str(p + s).isEmpty()) {
          throw loader.bad(p + "admin-key", "is required (or " + p + "admin-key-file) when " + p + s + " is set");
        }
      }
      return null;
    }
    if (!key.isEmpty() && !keyFile.isEmpty()) {
      throw loader.bad(p + "admin-key-file", "and " + p + "admin-key are both set; give one");
    }
    Secret secret;
    try {
      secret = !key.isEmpty() ? Secret.of(key, p + "admin-key (" + loader.origin(p + "admin-key") + ")")
          : Secret.fromFile(Path.of(keyFile), p + "admin-key-file");
    } catch (IllegalArgumentException e) {
      String setting = key.isEmpty() ? p + "admin-key-file" : p + "admin-key";
      throw new ConfigException(setting, e.getMessage());
    }
    URI base = null;
    String url = loader.str(p + "base-url");
    if (!url.isEmpty()) {
      try {
        base = new URI(url);
      } catch (URISyntaxException e) {
        throw loader.bad(p + "base-url", "is not a URL: " + e.getReason());
      }
    }
    Duration interval = loader.duration(p + "interval");
    int backfill = days(loader, p + "backfill", 0);
    int reread = days(loader, p + "reread", 1);
    String org = loader.str(p + "organization");
    String pageSize = loader.str(p + "page-size");
    int page = pageSize.isEmpty() ? ImporterConfig.defaultPageSize(v) : loader.intIn(p + "page-size", 1, 10_000);
    try {
      return new ImporterConfig(v, secret, base, interval, backfill, reread, org.isEmpty() ? null : org, page);
    } catch (IllegalArgumentException e) {
      String setting = KEYS.stream().map(k -> p + k).filter(k -> e.getMessage().startsWith(k)).findFirst()
          .orElse(p + "admin-key");
      throw loader.bad(setting, e.getMessage().startsWith(setting) ? e.getMessage().substring(setting.length()).strip()
          : e.getMessage());
    }
  }

  /** {@code 30}, {@code 30d} or {@code P30D}. */
  private static int days(ConfigLoader loader, String key, int min) {
    String v = loader.str(key);
    int d;
    try {
      d = v.matches("\\d+d?") ? Integer.parseInt(v.endsWith("d") ? v.substring(0, v.length() - 1) : v)
          : Period.parse(v).getDays();
    } catch (DateTimeParseException | NumberFormatException e) {
      throw loader.bad(key, "must be a number of days such as 30d, was '" + v + "'");
    }
    if (d < min || d > 3650) throw loader.bad(key, "must be between " + min + " and 3650 days, was " + v);
    return d;
  }

  @Override
  public String toString() {
    return "ImporterSettings" + sources;
  }
}
