package io.tokenmaxx.server.api;

import io.tokenmaxx.analyze.Viewer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One GET endpoint of the analytics API: its route, its parameters, what it returns and the
 * tables it exports as CSV. Routing, CSV export and the OpenAPI document all read these, so they
 * cannot drift apart.
 *
 * @param path             route, with {@code {id}} for a path parameter
 * @param operationId      OpenAPI operation id
 * @param summary          one line
 * @param description      more, including privacy rules that apply
 * @param query            query parameters beyond the common filters
 * @param filters          takes the common filters (from, to, tz, department, team, tool, model)
 * @param response         the record returned as JSON
 * @param tables           CSV tables by name: rows from the page
 * @param personLevel      tables holding data about identifiable people (exports are audited)
 * @param handler          computes the page
 */
record Endpoint(
    String path,
    String operationId,
    String summary,
    String description,
    List<Param> query,
    boolean filters,
    Class<?> response,
    Map<String, Function<Object, List<?>>> tables,
    Set<String> personLevel,
    Handler handler) {

  /** Computes the page for a viewer. */
  @FunctionalInterface
  interface Handler {
    Object handle(Viewer viewer, QueryParams query, String pathId);
  }

  /**
   * A query parameter.
   *
   * @param type       OpenAPI type: string, integer
   * @param format     OpenAPI format (date), or null
   * @param values     allowed values, or empty
   * @param repeatable may be given several times (or comma-separated)
   */
  record Param(String name, String description, String type, String format, List<String> values, boolean repeatable) {
    static Param text(String name, String description) {
      return new Param(name, description, "string", null, List.of(), false);
    }
  }

  boolean hasPathId() {
    return path.contains("{id}");
  }

  /** Builder of the table map, in order. */
  static final class Tables<P> {
    private final Class<P> type;
    private final Map<String, Function<Object, List<?>>> tables = new LinkedHashMap<>();

    Tables(Class<P> type) {
      this.type = type;
    }

    Tables<P> add(String name, Function<P, List<?>> rows) {
      tables.put(name, page -> rows.apply(type.cast(page)));
      return this;
    }

    /** The page's scalar fields as a one-row table named {@code summary}. */
    Tables<P> summary() {
      tables.put("summary", page -> List.of(CsvTable.summary(page)));
      return this;
    }

    Map<String, Function<Object, List<?>>> build() {
      return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }
  }
}
