package io.tokenmaxx.collect.vendor;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One configured source, the settings under {@code importers.<vendor>}.
 *
 * @param vendor       which vendor
 * @param adminKey     the admin key ({@code admin-key} or {@code admin-key-file})
 * @param baseUrl      {@code base-url}: the vendor's API, a proxy, or a stand-in
 * @param interval     {@code interval}: how often to pull
 * @param backfillDays {@code backfill}: how many days before today the first pull reads
 *                     (kept within {@link Vendor#retentionDays()})
 * @param rereadDays   {@code reread}: how many recent days every pull reads again
 * @param organization {@code organization}: the GitHub organization ({@code org}) or enterprise
 *                     ({@code enterprise:<slug>}) Copilot reports are read for; unused elsewhere
 * @param pageSize     {@code page-size}: records per page where the vendor lets the caller choose
 */
public record ImporterConfig(Vendor vendor, Secret adminKey, URI baseUrl, Duration interval, int backfillDays,
    int rereadDays, String organization, int pageSize) {

  public ImporterConfig {
    Objects.requireNonNull(vendor, "vendor");
    String p = "importers." + vendor.id() + ".";
    if (adminKey == null) {
      throw new IllegalArgumentException(p + "admin-key (or " + p + "admin-key-file) is required");
    }
    if (baseUrl == null) baseUrl = vendor.defaultBaseUrl();
    if (!"https".equals(baseUrl.getScheme()) && !"http".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException(p + "base-url must be an http(s) URL, was " + baseUrl);
    }
    if (baseUrl.getHost() == null) throw new IllegalArgumentException(p + "base-url has no host: " + baseUrl);
    if (interval == null) interval = Duration.ofHours(1);
    if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException(p + "interval must be at least 1 minute, was " + interval);
    }
    if (backfillDays < 0) throw new IllegalArgumentException(p + "backfill must be >= 0 days, was " + backfillDays);
    if (rereadDays < 1) throw new IllegalArgumentException(p + "reread must be >= 1 day, was " + rereadDays);
    if (pageSize < 1 || pageSize > 10_000) {
      throw new IllegalArgumentException(p + "page-size must be 1..10000, was " + pageSize);
    }
    if (vendor == Vendor.GITHUB_COPILOT && (organization == null || organization.isBlank())) {
      throw new IllegalArgumentException(p + "organization is required (an organization, or enterprise:<slug>)");
    }
  }

  /** The vendor's defaults: its API, hourly, 30 days of backfill, its re-read window. */
  public static ImporterConfig defaults(Vendor vendor, Secret adminKey, String organization) {
    return new ImporterConfig(vendor, adminKey, vendor.defaultBaseUrl(), Duration.ofHours(1), 30,
        vendor.rereadDays(), organization, defaultPageSize(vendor));
  }

  public ImporterConfig withBaseUrl(URI url) {
    return new ImporterConfig(vendor, adminKey, url, interval, backfillDays, rereadDays, organization, pageSize);
  }

  public ImporterConfig withBackfillDays(int days) {
    return new ImporterConfig(vendor, adminKey, baseUrl, interval, days, rereadDays, organization, pageSize);
  }

  public ImporterConfig withInterval(Duration d) {
    return new ImporterConfig(vendor, adminKey, baseUrl, d, backfillDays, rereadDays, organization, pageSize);
  }

  public ImporterConfig withPageSize(int n) {
    return new ImporterConfig(vendor, adminKey, baseUrl, interval, backfillDays, rereadDays, organization, n);
  }

  /** Days the first pull reads, within what the vendor keeps. */
  public int effectiveBackfillDays() {
    return Math.min(backfillDays, vendor.retentionDays());
  }

  /** Records per page where the vendor lets the caller choose, when {@code page-size} is unset. */
  public static int defaultPageSize(Vendor v) {
    return switch (v) {
      case ANTHROPIC -> 1000;   // claude_code: max 1000 records; usage/cost: buckets, max 31
      case OPENAI -> 31;        // buckets per page at 1d width: max 31
      case CURSOR -> 500;       // usage events per page: default 10, no documented maximum
      case GITHUB_COPILOT -> 100; // seats per page: max 100
    };
  }

  /** Never the key: {@link Secret#toString()} names only where it came from. */
  @Override
  public String toString() {
    return "ImporterConfig[" + vendor.id() + ", key from " + adminKey.origin() + ", " + baseUrl + ", every "
        + interval + ", backfill " + backfillDays + " d, reread " + rereadDays + " d"
        + (organization == null ? "" : ", " + organization) + "]";
  }
}
