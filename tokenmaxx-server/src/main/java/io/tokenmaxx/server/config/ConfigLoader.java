package io.tokenmaxx.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tokenmaxx.server.web.auth.CookieSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link ServerConfig} from a YAML file, the environment and explicit overrides (flags),
 * later sources winning, and validates every value. Errors name the setting and its source
 * (HikariCP's {@code validate()} is the model): a bad setting fails the start, never a request.
 */
public final class ConfigLoader {

  /** Every setting with its default; the keys are the YAML paths. */
  static final Map<String, String> DEFAULTS = defaults();

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("host", "0.0.0.0");
    d.put("port", Integer.toString(ServerConfig.DEFAULT_PORT));
    d.put("data", "tokenmaxx-data");
    d.put("storage.url", "");
    d.put("storage.checkpoint-threshold", io.tokenmaxx.storage.duckdb.DuckDbStorage.DEFAULT_CHECKPOINT_THRESHOLD);
    d.put("ingest.max-body-bytes", Long.toString(32L << 20));
    d.put("ingest.queue-capacity", "500000");
    d.put("ingest.batch-size", "20000");
    d.put("ingest.flush-interval", "PT0.02S");
    d.put("auth.otlp-header", "x-tokenmaxx-token");
    d.put("prices.file", "");
    d.put("privacy.store-prompts", "false");
    d.put("privacy.min-group-size", "5");
    d.put("analytics.zone", "");
    d.put("analytics.week-start", "monday");
    d.put("analytics.breadth-threshold", "0.5");
    d.put("analytics.depth.moderate-from", "2");
    d.put("analytics.depth.heavy-from", "4");
    d.put("analytics.spend-benchmark", "0.5");
    d.put("web.cookie-secure", "auto");
    d.put("web.session-idle", "60m");
    d.put("web.session-max", "12h");
    d.put("checkins.edit-grace", "P1D");
    d.put("checkins.webhook-url", "");
    d.put("checkins.webhook-secret", "");
    d.put("checkins.digest-day", "monday");
    d.put("checkins.digest-hour", "9");
    d.put("checkins.reminder-day", "friday");
    d.put("checkins.reminder-hour", "14");
    d.put("guard.interval", "1h");
    d.put("guard.lookback-weeks", "4");
    io.tokenmaxx.guard.GuardConfig.defaults().asMap().forEach((k, v) -> {
      if (!k.equals("zone")) d.put("guard." + k, v);
    });
    d.putAll(ImporterSettings.defaults());
    return Map.copyOf(d);
  }

  /**
   * Top-level parts of the file that belong to a feature with settings of its own (lists and
   * nested mappings), handed over as trees instead of flattened here.
   */
  static final Set<String> SECTIONS = Set.of("gateway");

  private final io.tokenmaxx.config.SettingValues settings = new io.tokenmaxx.config.SettingValues(DEFAULTS, ConfigException::new);
  private final Map<String, JsonNode> sections = new LinkedHashMap<>();
  private final Map<String, String> sectionSources = new LinkedHashMap<>();

  public ConfigLoader() {}

  /** Reads a YAML file of nested keys ({@code ingest: {batch-size: 5000}}). */
  public ConfigLoader file(Path file) {
    if (file == null) return this;
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("config", "file " + file + " does not exist or is not a file");
    }
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new ConfigException("config", "cannot read " + file + ": " + e.getMessage());
    }
    if (root == null || root.isNull()) return this;
    if (!root.isObject()) throw new ConfigException("config", file + " must hold a YAML mapping");
    flatten("", root, file.toString());
    return this;
  }

  private void flatten(String prefix, JsonNode node, String src) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      if (prefix.isEmpty() && SECTIONS.contains(key)) {
        sections.put(key, e.getValue());
        sectionSources.put(key, src);
      } else if (e.getValue().isObject()) {
        flatten(key, e.getValue(), src);
      } else {
        requireKnown(key, src);
        set(key, e.getValue().isNull() ? "" : e.getValue().asText(), src);
      }
    }
  }

  /** A section of the file ({@link #SECTIONS}) as it was written; null when the file has none. */
  public JsonNode section(String name) {
    return sections.get(name);
  }

  /** The file a section came from (for error messages). */
  public String sectionSource(String name) {
    return sectionSources.getOrDefault(name, "config file");
  }

  /** Takes {@code TOKENMAXX_*} variables, e.g. {@code TOKENMAXX_INGEST_BATCH_SIZE}. */
  public ConfigLoader environment(Map<String, String> env) {
    settings.environment(env);
    return this;
  }

  /** Explicit values (command-line flags); null values are ignored. */
  public ConfigLoader overrides(Map<String, String> flags) {
    settings.flags(flags, k -> requireKnown(k, "flags"));
    return this;
  }

  public static String envName(String key) {
    return io.tokenmaxx.config.SettingValues.envName(key);
  }

  private void requireKnown(String key, String src) {
    if (!DEFAULTS.containsKey(key)) {
      throw new ConfigException(key, "unknown setting (in " + src + "); known settings: "
          + DEFAULTS.keySet());
    }
  }

  private void set(String key, String value, String src) {
    settings.set(key, value, src);
  }

  /** Validates everything and returns the config; the first bad setting throws. */
  public ServerConfig load() {
    String host = str("host");
    if (host.isEmpty()) throw bad("host", "must not be empty");
    int port = intIn("port", 0, 65535);
    String data = str("data");
    if (data.isEmpty()) throw bad("data", "must name a directory");
    Path dataDir = Path.of(data).toAbsolutePath().normalize();
    if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
      throw bad("data", dataDir + " exists and is not a directory");
    }
    String url = str("storage.url");
    if (!url.isEmpty() && !url.startsWith("jdbc:postgresql:")) {
      throw bad("storage.url", "must be a jdbc:postgresql: URL (or empty for the embedded store), was '" + url + "'");
    }
    String checkpoint = str("storage.checkpoint-threshold");
    try {
      io.tokenmaxx.storage.duckdb.DuckDbStorage.builder().checkpointThreshold(checkpoint);
    } catch (IllegalArgumentException e) {
      throw bad("storage.checkpoint-threshold", "must be a size such as 256MB, was '" + checkpoint + "'");
    }
    long maxBody = longIn("ingest.max-body-bytes", 1024, 1L << 31);
    int queue = intIn("ingest.queue-capacity", 1, 50_000_000);
    int batch = intIn("ingest.batch-size", 1, 1_000_000);
    Duration flush = duration("ingest.flush-interval");
    String header = str("auth.otlp-header").toLowerCase(Locale.ROOT);
    if (!header.matches("[a-z0-9-]+")) throw bad("auth.otlp-header", "must be an HTTP header name");
    String prices = str("prices.file");
    Path priceFile = prices.isEmpty() ? null : Path.of(prices);
    if (priceFile != null && !Files.isRegularFile(priceFile)) {
      throw bad("prices.file", priceFile + " does not exist");
    }
    boolean storePrompts = bool("privacy.store-prompts");
    int minGroup = intIn("privacy.min-group-size", 1, 1000);
    return new ServerConfig(host, port, dataDir, url.isEmpty() ? null : url, checkpoint, maxBody, queue,
        batch, flush, header, priceFile, storePrompts, minGroup, analytics(minGroup), cookies(), checkins(),
        ImporterSettings.load(this));
  }

  private io.tokenmaxx.server.checkin.CheckinSettings checkins() {
    Duration grace = durationOrZero("checkins.edit-grace");
    String url = str("checkins.webhook-url");
    java.net.URI webhook = null;
    if (!url.isEmpty()) {
      try {
        webhook = new java.net.URI(url);
      } catch (java.net.URISyntaxException e) {
        throw bad("checkins.webhook-url", "is not a URL: " + e.getReason());
      }
      String scheme = webhook.getScheme() == null ? "" : webhook.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || webhook.getHost() == null) {
        throw bad("checkins.webhook-url", "must be an http(s) URL, was '" + url + "'");
      }
    }
    String secret = str("checkins.webhook-secret");
    if (webhook != null && secret.length() < 16) {
      throw bad("checkins.webhook-secret", "must be set (16 characters or more) when checkins.webhook-url is: "
          + "receivers check the X-Tokenmaxx-Signature HMAC with it");
    }
    java.util.Map<String, String> guard = new java.util.LinkedHashMap<>();
    for (String key : settings.keys()) {
      if (key.startsWith("guard.") && !key.equals("guard.interval") && !key.equals("guard.lookback-weeks")) {
        guard.put(key.substring("guard.".length()), str(key));
      }
    }
    io.tokenmaxx.guard.GuardConfig guardConfig;
    try {
      guardConfig = io.tokenmaxx.guard.GuardConfig.defaults().with(guard);
    } catch (IllegalArgumentException e) {
      String key = guard.keySet().stream().filter(k -> e.getMessage().contains(k)).findFirst().orElse("");
      throw bad("guard." + key, e.getMessage());
    }
    return new io.tokenmaxx.server.checkin.CheckinSettings(grace, webhook, secret.isEmpty() ? null : secret,
        day("checkins.digest-day"), intIn("checkins.digest-hour", 0, 23), day("checkins.reminder-day"),
        intIn("checkins.reminder-hour", 0, 23), guardConfig, duration("guard.interval"),
        intIn("guard.lookback-weeks", 1, 52));
  }

  private java.time.DayOfWeek day(String key) {
    return settings.day(key);
  }

  private Duration durationOrZero(String key) {
    return settings.durationOrZero(key);
  }

  private io.tokenmaxx.analyze.AnalyticsSettings analytics(int minGroup) {
    java.time.ZoneId zone = settings.zone("analytics.zone");
    java.time.DayOfWeek weekStart = day("analytics.week-start");
    double breadth = fraction("analytics.breadth-threshold");
    int moderate = intIn("analytics.depth.moderate-from", 2, 7);
    int heavy = intIn("analytics.depth.heavy-from", 3, 7);
    if (heavy <= moderate) throw bad("analytics.depth.heavy-from", "must be above analytics.depth.moderate-from (" + moderate + "), was " + heavy);
    double benchmark = fraction("analytics.spend-benchmark");
    return new io.tokenmaxx.analyze.AnalyticsSettings(zone, weekStart, minGroup, breadth,
        new io.tokenmaxx.analyze.DepthThresholds(moderate, heavy), benchmark);
  }

  private double fraction(String key) {
    return settings.fraction(key);
  }

  private CookieSettings cookies() {
    CookieSettings.Secure secure;
    try {
      secure = CookieSettings.Secure.valueOf(str("web.cookie-secure").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw bad("web.cookie-secure", "must be auto, always or never, was '" + str("web.cookie-secure") + "'");
    }
    Duration idle = duration("web.session-idle");
    Duration max = duration("web.session-max");
    if (idle.compareTo(max) > 0) throw bad("web.session-idle", "must not be longer than web.session-max (" + max + ")");
    return new CookieSettings(secure, idle, max);
  }

  String str(String key) {
    return settings.str(key);
  }

  String origin(String key) {
    return settings.origin(key);
  }

  ConfigException bad(String key, String why) {
    return (ConfigException) settings.bad(key, why);
  }

  int intIn(String key, int min, int max) {
    return settings.intIn(key, min, max);
  }

  private long longIn(String key, long min, long max) {
    return settings.longIn(key, min, max);
  }

  private boolean bool(String key) {
    return settings.bool(key);
  }

  Duration duration(String key) {
    return settings.duration(key);
  }
}
