package io.tokenmaxx.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.SequenceWriter;
import io.tokenmaxx.server.http.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows (page records) as CSV: nested records become dotted columns ({@code outcomes.commits}),
 * lists of text are joined with "; ", lists of numbers or records become indexed columns
 * ({@code active.0}, {@code active.1}). Quoting and escaping are jackson-dataformat-csv's. Text
 * cells starting with {@code = + - @} (or tab / carriage return) are prefixed with {@code '} so a
 * spreadsheet shows them instead of evaluating them (formula injection); numbers are left as they are.
 */
final class CsvTable {
  private static final CsvMapper CSV = new CsvMapper();

  private CsvTable() {}

  static String write(List<?> rows) {
    List<Map<String, String>> flat = new ArrayList<>();
    Set<String> columns = new LinkedHashSet<>();
    for (Object row : rows) {
      Map<String, String> m = new LinkedHashMap<>();
      flatten("", Json.MAPPER.valueToTree(row), m);
      columns.addAll(m.keySet());
      flat.add(m);
    }
    // An empty table is an empty file (the rows' columns come from the rows themselves).
    if (columns.isEmpty()) return "";
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    for (String c : columns) schema.addColumn(c);
    StringWriter out = new StringWriter();
    try (SequenceWriter w = CSV.writerFor(Object[].class).with(schema.build()).writeValues(out)) {
      for (Map<String, String> m : flat) {
        Object[] cells = new Object[columns.size()];
        int i = 0;
        for (String c : columns) cells[i++] = m.getOrDefault(c, "");
        w.write(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A row's scalar fields (lists of records left out): the single-row summary of a page. */
  static Map<String, String> summary(Object page) {
    JsonNode tree = Json.MAPPER.valueToTree(page);
    Map<String, String> out = new LinkedHashMap<>();
    if (tree instanceof ObjectNode o) {
      ObjectNode copy = o.deepCopy();
      prune(copy);
      flatten("", copy, out);
    }
    return out;
  }

  /** Removes arrays of objects, recursively (they are tables of their own). */
  private static void prune(ObjectNode o) {
    List<String> drop = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isArray() && v.size() > 0 && v.get(0).isObject()) drop.add(e.getKey());
      else if (v.isObject()) prune((ObjectNode) v);
    }
    drop.forEach(o::remove);
  }

  static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      if (!prefix.isEmpty()) out.put(prefix, "");
      return;
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
      return;
    }
    if (node.isArray()) {
      ArrayNode a = (ArrayNode) node;
      boolean text = true;
      for (JsonNode n : a) text &= n.isTextual();
      if (text) {
        List<String> parts = new ArrayList<>();
        for (JsonNode n : a) parts.add(n.asText());
        out.put(prefix, guard(String.join("; ", parts)));
        return;
      }
      for (int i = 0; i < a.size(); i++) flatten(prefix + "." + i, a.get(i), out);
      return;
    }
    if (node.isBigDecimal()) out.put(prefix, node.decimalValue().toPlainString());
    else if (node.isNumber() || node.isBoolean()) out.put(prefix, node.asText());
    else out.put(prefix, guard(node.asText()));
  }

  /** Text a spreadsheet would run as a formula gets a leading apostrophe. */
  static String guard(String s) {
    if (s.isEmpty()) return s;
    char c = s.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
  }
}
