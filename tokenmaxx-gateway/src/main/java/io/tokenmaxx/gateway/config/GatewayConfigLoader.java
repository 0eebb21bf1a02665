package io.tokenmaxx.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tokenmaxx.gateway.budget.Budget;
import io.tokenmaxx.gateway.budget.BudgetScope;
import io.tokenmaxx.gateway.budget.Period;
import io.tokenmaxx.gateway.budget.RateLimit;
import io.tokenmaxx.gateway.route.Escalation;
import io.tokenmaxx.gateway.route.Route;
import io.tokenmaxx.gateway.route.Strategy;
import io.tokenmaxx.gateway.route.Target;
import io.tokenmaxx.gateway.route.TargetPrice;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link GatewayConfig} from the {@code gateway:} part of the YAML config file, the
 * environment ({@code TOKENMAXX_GATEWAY_*}) and flags, later sources winning, in the same scheme as
 * the server's settings. Upstreams, routes, budgets and rate limits are lists and come from the
 * file only. Every value is checked; the first bad one fails with its setting's name and source.
 */
public final class GatewayConfigLoader {
  static final Map<String, String> DEFAULTS = defaults();

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("gateway.anthropic.base-url", "https://api.anthropic.com");
    d.put("gateway.anthropic.api-key", "");
    d.put("gateway.openai.base-url", "https://api.openai.com/v1");
    d.put("gateway.openai.api-key", "");
    d.put("gateway.pass-through", "true");
    d.put("gateway.zone", "");
    d.put("gateway.week-start", "monday");
    d.put("gateway.max-body-bytes", Long.toString(32L << 20));
    d.put("gateway.connect-timeout", "10s");
    d.put("gateway.read-timeout", "300s");
    d.put("gateway.records.capacity", "10000");
    d.put("gateway.records.batch-size", "500");
    d.put("gateway.records.flush-interval", "200ms");
    d.put("gateway.records.spill-dir", "");
    return Map.copyOf(d);
  }

  private static final Set<String> LISTS = Set.of("gateway.upstreams", "gateway.routes", "gateway.budgets",
      "gateway.rate-limits");

  private final io.tokenmaxx.config.SettingValues settings =
      new io.tokenmaxx.config.SettingValues(DEFAULTS, GatewayConfigException::new);
  private final Map<String, JsonNode> lists = new LinkedHashMap<>();
  private final Map<String, String> env = new LinkedHashMap<>();
  private String fileName = "config file";

  public GatewayConfigLoader() {}

  /** The known scalar settings and their defaults. */
  public static Map<String, String> settings() {
    return DEFAULTS;
  }

  /** Reads the {@code gateway:} mapping of a YAML config file (other top-level keys are not ours). */
  public GatewayConfigLoader file(Path file) {
    if (file == null) return this;
    if (!Files.isRegularFile(file)) throw new GatewayConfigException("config", "file " + file + " does not exist");
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new GatewayConfigException("config", "cannot read " + file + ": " + e.getMessage());
    }
    fileName = file.toString();
    if (root == null || root.isNull() || root.path("gateway").isMissingNode()) return this;
    return tree(root.get("gateway"), file.toString());
  }

  /** Takes the {@code gateway:} mapping as a tree (what the server's loader hands over). */
  public GatewayConfigLoader tree(JsonNode gateway, String source) {
    fileName = source;
    if (gateway == null || gateway.isNull()) return this;
    if (!gateway.isObject()) throw new GatewayConfigException("gateway", "must be a mapping (in " + source + ")");
    flatten("gateway", gateway, source);
    return this;
  }

  private void flatten(String prefix, JsonNode node, String src) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = prefix + "." + e.getKey();
      if (LISTS.contains(key)) {
        if (!e.getValue().isArray()) throw new GatewayConfigException(key, "must be a list (in " + src + ")");
        lists.put(key, e.getValue());
      } else if (e.getValue().isObject()) {
        flatten(key, e.getValue(), src);
      } else {
        if (!DEFAULTS.containsKey(key)) {
          throw new GatewayConfigException(key, "unknown setting (in " + src + "); known: " + DEFAULTS.keySet()
              + " and the lists " + LISTS);
        }
        set(key, e.getValue().isNull() ? "" : e.getValue().asText(), src);
      }
    }
  }

  /** {@code TOKENMAXX_GATEWAY_ANTHROPIC_BASE_URL} and the like; also where {@code api-key-env} looks. */
  public GatewayConfigLoader environment(Map<String, String> environment) {
    env.putAll(environment);
    settings.environment(environment);
    return this;
  }

  /** Flags; null values are ignored. */
  public GatewayConfigLoader overrides(Map<String, String> flags) {
    settings.flags(flags, k -> {
      throw new GatewayConfigException(k, "unknown setting (flags)");
    });
    return this;
  }

  public static String envName(String key) {
    return io.tokenmaxx.config.SettingValues.envName(key);
  }

  private void set(String key, String value, String src) {
    settings.set(key, value, src);
  }

  public GatewayConfig load() {
    Map<String, Upstream> upstreams = new LinkedHashMap<>();
    upstreams.put(GatewayConfig.ANTHROPIC, new Upstream(GatewayConfig.ANTHROPIC, Protocol.ANTHROPIC, "anthropic",
        baseUrl("gateway.anthropic.base-url", Protocol.ANTHROPIC), secret("gateway.anthropic.api-key")));
    upstreams.put(GatewayConfig.OPENAI, new Upstream(GatewayConfig.OPENAI, Protocol.OPENAI, "openai",
        baseUrl("gateway.openai.base-url", Protocol.OPENAI), secret("gateway.openai.api-key")));
    JsonNode ups = lists.get("gateway.upstreams");
    if (ups != null) {
      for (int i = 0; i < ups.size(); i++) {
        Upstream u = upstream("gateway.upstreams[" + i + "]", ups.get(i));
        if (upstreams.containsKey(u.name()) && !(u.name().equals(GatewayConfig.ANTHROPIC) || u.name().equals(GatewayConfig.OPENAI))) {
          throw new GatewayConfigException("gateway.upstreams[" + i + "].name", "'" + u.name() + "' is used twice");
        }
        upstreams.put(u.name(), u);
      }
    }
    List<Route> routes = new ArrayList<>();
    Set<String> routed = new LinkedHashSet<>();
    JsonNode rs = lists.get("gateway.routes");
    if (rs != null) {
      for (int i = 0; i < rs.size(); i++) {
        Route r = route("gateway.routes[" + i + "]", rs.get(i), upstreams);
        if (!routed.add(r.model())) {
          throw new GatewayConfigException("gateway.routes[" + i + "].model", "'" + r.model() + "' has a route already");
        }
        routes.add(r);
      }
    }
    List<Budget> budgets = new ArrayList<>();
    JsonNode bs = lists.get("gateway.budgets");
    if (bs != null) for (int i = 0; i < bs.size(); i++) budgets.add(budget("gateway.budgets[" + i + "]", bs.get(i)));
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < budgets.size(); i++) {
      if (!ids.add(budgets.get(i).id())) {
        throw new GatewayConfigException("gateway.budgets[" + i + "]", "a second budget " + budgets.get(i).id()
            + " (same scope, unit and period)");
      }
    }
    List<RateLimit> limits = new ArrayList<>();
    JsonNode ls = lists.get("gateway.rate-limits");
    if (ls != null) for (int i = 0; i < ls.size(); i++) limits.add(rateLimit("gateway.rate-limits[" + i + "]", ls.get(i)));
    ZoneId zone = settings.zone("gateway.zone");
    DayOfWeek weekStart = settings.day("gateway.week-start");
    String spill = str("gateway.records.spill-dir");
    GatewayConfig.Records records = new GatewayConfig.Records(intIn("gateway.records.capacity", 1, 10_000_000),
        intIn("gateway.records.batch-size", 1, 100_000), duration("gateway.records.flush-interval"),
        spill.isEmpty() ? null : Path.of(spill));
    return new GatewayConfig(upstreams, routes, budgets, limits, bool("gateway.pass-through"), zone, weekStart,
        longIn("gateway.max-body-bytes", 1024, 1L << 31), duration("gateway.connect-timeout"),
        duration("gateway.read-timeout"), records);
  }

  private Secret secret(String key) {
    String v = str(key);
    return v.isEmpty() ? null : new Secret(v);
  }

  private URI baseUrl(String key, Protocol p) {
    return url(key, str(key), p, settings.origin(key));
  }

  private static URI url(String key, String v, Protocol p, String src) {
    URI u;
    try {
      u = new URI(v);
    } catch (URISyntaxException e) {
      throw new GatewayConfigException(key, "is not a URL: " + e.getReason() + " (from " + src + ")");
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
      throw new GatewayConfigException(key, "must be an http(s) URL, was '" + v + "' (from " + src + ")");
    }
    if (u.getQuery() != null || u.getFragment() != null) {
      throw new GatewayConfigException(key, "must not have a query or fragment, was '" + v + "' (from " + src + ")");
    }
    String path = u.getPath() == null ? "" : u.getPath().replaceAll("/+$", "");
    if (p == Protocol.ANTHROPIC && path.endsWith("/v1")) {
      throw new GatewayConfigException(key, "is written without /v1 for Anthropic (as ANTHROPIC_BASE_URL is), was '"
          + v + "' (from " + src + ")");
    }
    if (p == Protocol.OPENAI && path.isEmpty()) {
      throw new GatewayConfigException(key, "is written with /v1 for OpenAI-compatible servers (as OPENAI_BASE_URL is), "
          + "was '" + v + "' (from " + src + ")");
    }
    return u;
  }

  private Upstream upstream(String at, JsonNode n) {
    requireObject(at, n, Set.of("name", "protocol", "provider", "base-url", "api-key", "api-key-env"));
    String name = text(at + ".name", n, true);
    if (!name.matches("[A-Za-z0-9_.-]+")) throw new GatewayConfigException(at + ".name", "use letters, digits, . _ -; was '" + name + "'");
    Protocol p;
    try {
      p = Protocol.parse(text(at + ".protocol", n, true));
    } catch (IllegalArgumentException e) {
      throw new GatewayConfigException(at + ".protocol", e.getMessage() + " (in " + fileName + ")");
    }
    URI base = url(at + ".base-url", text(at + ".base-url", n, true), p, fileName);
    Secret key = null;
    if (n.has("api-key") && n.has("api-key-env")) {
      throw new GatewayConfigException(at + ".api-key", "give api-key or api-key-env, not both");
    }
    if (n.hasNonNull("api-key")) key = new Secret(n.get("api-key").asText());
    if (n.hasNonNull("api-key-env")) {
      String var = n.get("api-key-env").asText();
      String v = env.get(var);
      if (v == null || v.isBlank()) {
        throw new GatewayConfigException(at + ".api-key-env", "the environment variable " + var + " is not set");
      }
      key = new Secret(v);
    }
    return new Upstream(name, p, n.hasNonNull("provider") ? n.get("provider").asText() : null, base, key);
  }

  private Route route(String at, JsonNode n, Map<String, Upstream> upstreams) {
    requireObject(at, n, Set.of("model", "strategy", "targets", "escalate-on"));
    String model = text(at + ".model", n, true);
    Strategy s = Strategy.FALLBACK;
    if (n.hasNonNull("strategy")) {
      try {
        s = Strategy.parse(n.get("strategy").asText());
      } catch (IllegalArgumentException e) {
        throw new GatewayConfigException(at + ".strategy", e.getMessage());
      }
    }
    JsonNode ts = n.get("targets");
    if (ts == null || !ts.isArray() || ts.isEmpty()) throw new GatewayConfigException(at + ".targets", "needs at least one target");
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < ts.size(); i++) targets.add(target(at + ".targets[" + i + "]", ts.get(i), model, upstreams));
    Set<Escalation> esc = new LinkedHashSet<>();
    JsonNode es = n.get("escalate-on");
    if (es != null) {
      if (s != Strategy.CASCADE) throw new GatewayConfigException(at + ".escalate-on", "only a cascade escalates (strategy: cascade)");
      if (!es.isArray()) throw new GatewayConfigException(at + ".escalate-on", "must be a list");
      for (int i = 0; i < es.size(); i++) {
        try {
          esc.add(Escalation.parse(es.get(i).asText()));
        } catch (IllegalArgumentException e) {
          throw new GatewayConfigException(at + ".escalate-on[" + i + "]", e.getMessage());
        }
      }
    }
    if (s == Strategy.CASCADE) {
      if (targets.size() < 2) throw new GatewayConfigException(at + ".targets", "a cascade needs a cheap and a stronger target");
      if (esc.isEmpty()) esc.addAll(Set.of(Escalation.values()));
      if (esc.contains(Escalation.CONTEXT)) {
        for (int i = 0; i < targets.size() - 1; i++) {
          if (targets.get(i).contextWindow() == 0) {
            throw new GatewayConfigException(at + ".targets[" + i + "].context-window",
                "the context rule needs each cheaper target's context window");
          }
        }
      }
    }
    if (s == Strategy.WEIGHTED && targets.stream().mapToInt(Target::weight).sum() == 0) {
      throw new GatewayConfigException(at + ".targets", "the weighted strategy needs a positive weight");
    }
    return new Route(model, s, targets, esc);
  }

  private Target target(String at, JsonNode n, String routeModel, Map<String, Upstream> upstreams) {
    requireObject(at, n, Set.of("upstream", "model", "weight", "price", "context-window"));
    String up = text(at + ".upstream", n, true);
    if (!upstreams.containsKey(up)) {
      throw new GatewayConfigException(at + ".upstream", "no upstream named '" + up + "' (known: " + upstreams.keySet() + ")");
    }
    String model = n.hasNonNull("model") ? n.get("model").asText() : routeModel;
    int weight = n.has("weight") ? (int) number(at + ".weight", n.get("weight"), 0, 1_000_000) : 1;
    long window = n.has("context-window") ? number(at + ".context-window", n.get("context-window"), 1, 100_000_000) : 0;
    TargetPrice price = null;
    JsonNode p = n.get("price");
    if (p != null) {
      requireObject(at + ".price", p, Set.of("input", "output", "cache-read", "cache-write"));
      price = new TargetPrice(money(at + ".price.input", p.get("input"), true), money(at + ".price.output", p.get("output"), true),
          money(at + ".price.cache-read", p.get("cache-read"), false), money(at + ".price.cache-write", p.get("cache-write"), false));
    }
    return new Target(up, model, weight, price, window);
  }

  private Budget budget(String at, JsonNode n) {
    requireObject(at, n, Set.of("scope", "usd", "tokens", "period", "id"));
    BudgetScope scope = scope(at, n);
    if (n.has("usd") == n.has("tokens")) throw new GatewayConfigException(at, "give either usd or tokens");
    Budget.Metric m = n.has("usd") ? Budget.Metric.USD : Budget.Metric.TOKENS;
    BigDecimal limit = money(at + (m == Budget.Metric.USD ? ".usd" : ".tokens"), n.get(m == Budget.Metric.USD ? "usd" : "tokens"), true);
    if (limit.signum() <= 0) throw new GatewayConfigException(at + (m == Budget.Metric.USD ? ".usd" : ".tokens"), "must be positive");
    Period period;
    try {
      period = Period.valueOf(text(at + ".period", n, true).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new GatewayConfigException(at + ".period", "must be day, week or month, was '" + n.get("period").asText() + "'");
    }
    return new Budget(n.hasNonNull("id") ? n.get("id").asText() : null, scope, m, limit, period);
  }

  private RateLimit rateLimit(String at, JsonNode n) {
    requireObject(at, n, Set.of("scope", "requests-per-minute", "tokens-per-minute"));
    BudgetScope scope = scope(at, n);
    long rpm = n.has("requests-per-minute") ? number(at + ".requests-per-minute", n.get("requests-per-minute"), 1, Long.MAX_VALUE) : 0;
    long tpm = n.has("tokens-per-minute") ? number(at + ".tokens-per-minute", n.get("tokens-per-minute"), 1, Long.MAX_VALUE) : 0;
    if (rpm == 0 && tpm == 0) throw new GatewayConfigException(at, "give requests-per-minute, tokens-per-minute or both");
    return new RateLimit(scope, rpm, tpm);
  }

  private BudgetScope scope(String at, JsonNode n) {
    try {
      return BudgetScope.parse(text(at + ".scope", n, true));
    } catch (IllegalArgumentException e) {
      throw new GatewayConfigException(at + ".scope", e.getMessage());
    }
  }

  private void requireObject(String at, JsonNode n, Set<String> known) {
    if (n == null || !n.isObject()) throw new GatewayConfigException(at, "must be a mapping (in " + fileName + ")");
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) throw new GatewayConfigException(at + "." + f, "unknown key (known: " + known + ")");
    }
  }

  private String text(String at, JsonNode n, boolean required) {
    String f = at.substring(at.lastIndexOf('.') + 1);
    JsonNode v = n.get(f);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      if (required) throw new GatewayConfigException(at, "is required (in " + fileName + ")");
      return null;
    }
    if (!v.isValueNode()) throw new GatewayConfigException(at, "must be a single value");
    return v.asText().trim();
  }

  private static long number(String at, JsonNode v, long min, long max) {
    if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() && !v.isTextual()) {
      throw new GatewayConfigException(at, "must be a whole number, was " + v);
    }
    long x;
    try {
      x = v.isTextual() ? Long.parseLong(v.asText().trim()) : v.asLong();
    } catch (NumberFormatException e) {
      throw new GatewayConfigException(at, "must be a whole number, was " + v);
    }
    if (x < min || x > max) throw new GatewayConfigException(at, "must be between " + min + " and " + max + ", was " + x);
    return x;
  }

  private static BigDecimal money(String at, JsonNode v, boolean required) {
    if (v == null || v.isNull()) {
      if (required) throw new GatewayConfigException(at, "is required");
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(v.asText().trim());
      if (d.signum() < 0) throw new GatewayConfigException(at, "must not be negative, was " + d);
      return d;
    } catch (NumberFormatException e) {
      throw new GatewayConfigException(at, "must be a number, was '" + v.asText() + "'");
    }
  }

  private String str(String key) {
    return settings.str(key);
  }

  private int intIn(String key, int min, int max) {
    return settings.intIn(key, min, max);
  }

  private long longIn(String key, long min, long max) {
    return settings.longIn(key, min, max);
  }

  private boolean bool(String key) {
    return settings.bool(key);
  }

  private Duration duration(String key) {
    return settings.duration(key);
  }
}
