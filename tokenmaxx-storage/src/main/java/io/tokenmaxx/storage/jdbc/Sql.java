package io.tokenmaxx.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** A statement's text and the values of its {@code ?} placeholders, in order. */
public record Sql(String text, List<Object> params) {

  public Sql {
    params = List.copyOf(params);
  }

  public void bind(PreparedStatement ps) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i) instanceof SqlArray a) {
        ps.setArray(i + 1, ps.getConnection().createArrayOf(a.type(), a.values().toArray()));
      } else {
        ps.setObject(i + 1, params.get(i));
      }
    }
  }
}
