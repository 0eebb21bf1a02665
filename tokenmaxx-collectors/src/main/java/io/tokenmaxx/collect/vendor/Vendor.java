package io.tokenmaxx.collect.vendor;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;

/**
 * The vendors tokenmaxx imports from, with their documented defaults.
 *
 * <p>{@code retentionDays} is how far back the vendor serves usage as far as its documentation
 * says (or, where it says nothing, a bound we keep backfills within; see the module README);
 * {@code rereadDays} is how many recent days every pull reads again because the vendor may still
 * revise them; {@code lagDays} is how many days a report trails today.
 */
public enum Vendor {
  ANTHROPIC("anthropic", "https://api.anthropic.com", 365, 3, 0),
  OPENAI("openai", "https://api.openai.com", 365, 3, 0),
  CURSOR("cursor", "https://api.cursor.com", 90, 2, 0),
  GITHUB_COPILOT("github-copilot", "https://api.github.com", 365, 4, 2);

  private final String id;
  private final URI defaultBaseUrl;
  private final int retentionDays;
  private final int rereadDays;
  private final int lagDays;

  Vendor(String id, String defaultBaseUrl, int retentionDays, int rereadDays, int lagDays) {
    this.id = id;
    this.defaultBaseUrl = URI.create(defaultBaseUrl);
    this.retentionDays = retentionDays;
    this.rereadDays = rereadDays;
    this.lagDays = lagDays;
  }

  /** The name used in settings ({@code importers.<id>.*}) and as the import source. */
  public String id() {
    return id;
  }

  public URI defaultBaseUrl() {
    return defaultBaseUrl;
  }

  public int retentionDays() {
    return retentionDays;
  }

  public int rereadDays() {
    return rereadDays;
  }

  public int lagDays() {
    return lagDays;
  }

  public static Vendor parse(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Vendor v : values()) if (v.id.equals(n)) return v;
    if (n.equals("copilot") || n.equals("github")) return GITHUB_COPILOT;
    throw new IllegalArgumentException("unknown vendor '" + name + "', expected one of "
        + Arrays.stream(values()).map(Vendor::id).toList());
  }
}
