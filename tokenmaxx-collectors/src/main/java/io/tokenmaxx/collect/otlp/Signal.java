package io.tokenmaxx.collect.otlp;

/** The three OTLP/HTTP signals and the paths they are posted to. */
public enum Signal {
  METRICS("/v1/metrics", "data points"),
  LOGS("/v1/logs", "log records"),
  TRACES("/v1/traces", "spans");

  private final String path;
  private final String items;

  Signal(String path, String items) {
    this.path = path;
    this.items = items;
  }

  /** The OTLP/HTTP path this signal is posted to, e.g. {@code /v1/metrics}. */
  public String path() {
    return path;
  }

  /** What this signal's items are called in messages: data points, log records, spans. */
  public String items() {
    return items;
  }

  /** The signal for an OTLP/HTTP path, or null when the path is none of the three. */
  public static Signal forPath(String path) {
    for (Signal s : values()) {
      if (s.path.equals(path)) return s;
    }
    return null;
  }
}
