package io.tokenmaxx.storage.jdbc;

import java.util.List;

/**
 * A placeholder value bound as a SQL array ({@link java.sql.Connection#createArrayOf}), for
 * conditions such as {@link Dialect#inTextArray}.
 *
 * @param type   the element type's SQL name ({@link Dialect#textArrayType})
 * @param values the elements
 */
public record SqlArray(String type, List<String> values) {
  public SqlArray {
    values = List.copyOf(values);
  }
}
