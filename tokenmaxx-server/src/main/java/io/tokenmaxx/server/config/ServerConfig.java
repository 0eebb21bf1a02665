package io.tokenmaxx.server.config;

import io.tokenmaxx.server.web.auth.CookieSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Every setting of {@code tokenmaxx serve}, after merging the config file, the environment and the
 * flags (in that order of precedence, flags last) and validating. Setting names are the YAML keys;
 * the environment form is {@code TOKENMAXX_} + the key upper-cased with dots as underscores.
 *
 * @param host               interface to bind ({@code host})
 * @param port               port for OTLP, API and dashboard ({@code port})
 * @param dataDir            where the embedded database, admin token and state live ({@code data})
 * @param storageUrl         JDBC URL of an external PostgreSQL store; null means embedded DuckDB
 *                           in {@code dataDir} ({@code storage.url})
 * @param checkpointThreshold the embedded store's WAL size that triggers a checkpoint, e.g. 256MB
 *                           ({@code storage.checkpoint-threshold})
 * @param maxBodyBytes       largest request body accepted; larger gets 413 ({@code ingest.max-body-bytes})
 * @param queueCapacity      records waiting to be written before ingest answers 429
 *                           ({@code ingest.queue-capacity})
 * @param batchSize          most records written per transaction ({@code ingest.batch-size})
 * @param flushInterval      longest a record waits for its batch to fill ({@code ingest.flush-interval})
 * @param otlpAuthHeader     header carrying the ingest token besides {@code Authorization: Bearer}
 *                           ({@code auth.otlp-header})
 * @param priceOverrides     a price file extending or replacing bundled prices ({@code prices.file})
 * @param storePrompts       keep prompt text when a source sends it; off by default ({@code privacy.store-prompts})
 * @param minGroupSize       aggregates over fewer people are hidden from non-admins ({@code privacy.min-group-size})
 * @param analytics          the organization's zone, week start and the thresholds of the analytics pages
 *                           ({@code analytics.*}; its k is {@code minGroupSize})
 * @param cookies            dashboard sign-in cookies: Secure attribute ({@code web.cookie-secure}: auto,
 *                           always, never), idle and absolute session lifetime ({@code web.session-idle},
 *                           {@code web.session-max})
 * @param checkins           check-ins, digest, reminders, webhook and the Goodhart guard ({@code checkins.*}, {@code guard.*})
 * @param importers          vendor usage import sources ({@code importers.<vendor>.*})
 */
public record ServerConfig(
    String host,
    int port,
    Path dataDir,
    String storageUrl,
    String checkpointThreshold,
    long maxBodyBytes,
    int queueCapacity,
    int batchSize,
    Duration flushInterval,
    String otlpAuthHeader,
    Path priceOverrides,
    boolean storePrompts,
    int minGroupSize,
    io.tokenmaxx.analyze.AnalyticsSettings analytics,
    CookieSettings cookies,
    io.tokenmaxx.server.checkin.CheckinSettings checkins,
    ImporterSettings importers) {

  public static final int DEFAULT_PORT = 8420;

  /** The embedded database file. */
  public Path databaseFile() {
    return dataDir.resolve("tokenmaxx.duckdb");
  }

  /** Where the first start writes the admin API token (mode 0600). */
  public Path adminTokenFile() {
    return dataDir.resolve("admin-token");
  }
}
