package io.tokenmaxx.gateway.config;

import io.tokenmaxx.gateway.budget.Budget;
import io.tokenmaxx.gateway.budget.RateLimit;
import io.tokenmaxx.gateway.route.Route;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Every gateway setting, validated ({@link GatewayConfigLoader}). Setting names are the YAML keys
 * under {@code gateway:}; the simple ones also come from {@code TOKENMAXX_GATEWAY_*} variables.
 *
 * @param upstreams      by name; {@code anthropic} and {@code openai} always exist (the defaults
 *                       requests without a route go to)
 * @param routes         per requested model name ({@code gateway.routes})
 * @param budgets        {@code gateway.budgets}
 * @param rateLimits     {@code gateway.rate-limits}
 * @param passThrough    clients may bring their own provider key instead of a gateway key
 *                       ({@code gateway.pass-through})
 * @param zone           the organization's zone for budget periods ({@code gateway.zone})
 * @param weekStart      first day of a budget week ({@code gateway.week-start})
 * @param maxBodyBytes   largest request body ({@code gateway.max-body-bytes})
 * @param connectTimeout to an upstream ({@code gateway.connect-timeout})
 * @param readTimeout    longest wait for an upstream's next bytes, first byte included
 *                       ({@code gateway.read-timeout})
 * @param records        how records leave the request path ({@code gateway.records.*})
 */
public record GatewayConfig(Map<String, Upstream> upstreams, List<Route> routes, List<Budget> budgets,
    List<RateLimit> rateLimits, boolean passThrough, ZoneId zone, DayOfWeek weekStart, long maxBodyBytes,
    Duration connectTimeout, Duration readTimeout, Records records) {

  public static final String ANTHROPIC = "anthropic";
  public static final String OPENAI = "openai";

  /**
   * @param capacity      records held in memory before spilling ({@code gateway.records.capacity})
   * @param batchSize     records per hand-over to the sink ({@code gateway.records.batch-size})
   * @param flushInterval longest a record waits ({@code gateway.records.flush-interval})
   * @param spillDir      where records go when memory is full; null: back-pressure ({@code gateway.records.spill-dir})
   */
  public record Records(int capacity, int batchSize, Duration flushInterval, Path spillDir) {}

  public GatewayConfig {
    upstreams = Map.copyOf(upstreams);
    routes = List.copyOf(routes);
    budgets = List.copyOf(budgets);
    rateLimits = List.copyOf(rateLimits);
  }

  /** The upstream requests of {@code protocol} go to when no route names one. */
  public Upstream defaultUpstream(Protocol protocol) {
    return upstreams.get(protocol == Protocol.ANTHROPIC ? ANTHROPIC : OPENAI);
  }
}
