package io.tokenmaxx.gateway.record;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A {@link GatewayRecord} as one JSON object: the spill files' lines and what a standalone gateway
 * sends to its server ({@code POST /api/v1/gateway/records}, NDJSON). Unknown fields are ignored so
 * that a newer gateway can talk to an older server.
 */
public final class GatewayRecordJson {
  static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private GatewayRecordJson() {}

  public static byte[] write(GatewayRecord r) {
    try {
      return JSON.writeValueAsBytes(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one record; a malformed or incomplete one throws {@link IOException} naming what was wrong. */
  public static GatewayRecord read(String line) throws IOException {
    try {
      return JSON.readValue(line, GatewayRecord.class);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
