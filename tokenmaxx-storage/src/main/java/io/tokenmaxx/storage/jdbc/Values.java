package io.tokenmaxx.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-row {@code VALUES} lists, so that small sets (people, aliases) go in a few statements:
 * one statement per row is slow in DuckDB (~500 rows/s), one per few hundred rows is not.
 */
final class Values {
  static final int CHUNK = 250;

  private Values() {}

  /** {@code (?, ?), (?, ?)} for {@code rows} rows of {@code columns} placeholders. */
  static String placeholders(int rows, int columns) {
    return placeholders(rows, columns, "?");
  }

  /** Like {@link #placeholders(int, int)} with each placeholder written as {@code cell} (e.g. a CAST). */
  static String placeholders(int rows, int columns, String cell) {
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < rows; r++) {
      if (r > 0) sb.append(", ");
      sb.append('(');
      for (int c = 0; c < columns; c++) {
        if (c > 0) sb.append(", ");
        sb.append(cell);
      }
      sb.append(')');
    }
    return sb.toString();
  }

  static <T> List<List<T>> chunks(List<T> all) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
    return out;
  }

  static void bind(PreparedStatement ps, List<Object> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) ps.setObject(i + 1, values.get(i));
  }
}
