package io.tokenmaxx.storage.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Small JDBC helpers of the check-in and flag stores: bound statements, timestamps, JSON columns. */
final class Statements {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private Statements() {}

  interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  static long update(Connection c, String sql, List<?> values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.size(); i++) ps.setObject(i + 1, values.get(i));
      return ps.executeLargeUpdate();
    }
  }

  static void query(Connection c, String sql, List<?> values, Row row) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.size(); i++) ps.setObject(i + 1, values.get(i));
      ps.setFetchSize(1000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) row.accept(rs);
      }
    }
  }

  /** An instant as a TIMESTAMPTZ value, at the microseconds the databases keep. */
  static OffsetDateTime timestamp(Instant t) {
    return t == null ? null : OffsetDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    long micros = rs.getLong(column);
    return rs.wasNull() ? null : Rows.instant(micros, 0);
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  static List<String> strings(String json) {
    try {
      return json == null ? List.of() : JSON.readValue(json, STRINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON list is unreadable: " + e.getMessage(), e);
    }
  }

  static Map<String, Object> object(String json) {
    try {
      return json == null ? Map.of() : JSON.readValue(json, OBJECT);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON object is unreadable: " + e.getMessage(), e);
    }
  }
}
