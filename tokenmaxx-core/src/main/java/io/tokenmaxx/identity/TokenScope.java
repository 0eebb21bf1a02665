package io.tokenmaxx.identity;

import java.util.Arrays;
import java.util.Locale;

/** What a token may do. */
public enum TokenScope {
  /** Send usage and outcome records (OTLP, ingest API, push). */
  INGEST,
  /** Read reports and the API. */
  READ,
  /** Everything, including managing the directory and tokens. */
  ADMIN,
  /**
   * A metering-gateway key ({@code tmx_...} in {@code x-api-key} or {@code Authorization: Bearer}
   * on the gateway's routes): its requests are attributed to its person or team. It opens no
   * other API.
   */
  GATEWAY;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TokenScope parse(String label) {
    try {
      return valueOf(label.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown token scope '" + label + "', expected one of "
          + Arrays.stream(values()).map(TokenScope::label).toList());
    }
  }
}
