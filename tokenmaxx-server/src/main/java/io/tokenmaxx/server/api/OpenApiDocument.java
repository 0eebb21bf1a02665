package io.tokenmaxx.server.api;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3.0 document of the server's API (analytics pages, plus the operations other services declare), generated from the {@link Endpoint}s (paths,
 * parameters, CSV tables) and, by reflection, from the page records they return (schemas) — so it
 * always lists exactly what the server serves.
 */
final class OpenApiDocument {
  private final Map<String, Object> schemas = new TreeMap<>();

  private OpenApiDocument() {}

  static Map<String, Object> build(List<Endpoint> endpoints, String version) {
    return build(endpoints, List.of(), version);
  }

  static Map<String, Object> build(List<Endpoint> endpoints, List<ApiOperation> extra, String version) {
    return new OpenApiDocument().document(endpoints, extra, version);
  }

  private Map<String, Object> document(List<Endpoint> endpoints, List<ApiOperation> extra, String version) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.3");
    doc.put("info", map("title", "tokenmaxx API", "version", version, "description",
        "Every number the tokenmaxx dashboard shows, as JSON, and each table as CSV (format=csv&table=...). "
            + "Authenticate with an API token: 'Authorization: Bearer <token>' (read or admin scope). What a caller "
            + "sees is scoped to them: admins see everyone; a person's read token sees that person individually "
            + "(and, for managers, their reporting subtree) and aggregates of at least k people "
            + "(privacy.min-group-size). Money is USD; shares are fractions (0.25 = 25 %). Fields without a value "
            + "are omitted."));
    doc.put("servers", List.of(map("url", "/")));
    Map<String, Object> paths = new LinkedHashMap<>();
    for (Endpoint e : endpoints) paths.put(e.path(), map("get", operation(e)));
    for (ApiOperation o : extra) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(o.path(), p -> new LinkedHashMap<>());
      item.put(o.method(), operation(o));
    }
    paths.put(OpenApiService.PATH, map("get", map("operationId", "openapi", "summary", "This document",
        "security", List.of(), "responses", map("200", map("description", "The OpenAPI document",
            "content", map("application/json", map("schema", map("type", "object"))))))));
    doc.put("paths", paths);
    Map<String, Object> components = new LinkedHashMap<>();
    components.put("securitySchemes", map("bearer", map("type", "http", "scheme", "bearer",
        "description", "An API token (tokenmaxx token create) with read or admin scope.")));
    schemas.put("Error", map("type", "object", "properties", map("error", map("type", "object", "properties", map(
        "status", map("type", "integer"), "message", map("type", "string"), "field", map("type", "string"))))));
    components.put("schemas", schemas);
    doc.put("components", components);
    doc.put("security", List.of(map("bearer", List.of())));
    return doc;
  }

  private Map<String, Object> operation(Endpoint e) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("operationId", e.operationId());
    op.put("summary", e.summary());
    op.put("description", e.description() + "\n\nCSV tables (format=csv&table=...): " + String.join(", ", e.tables().keySet())
        + (e.personLevel().isEmpty() ? "" : ". Exports of " + String.join(", ", new java.util.TreeSet<>(e.personLevel()))
            + " are written to the audit log."));
    op.put("tags", List.of("analytics"));
    List<Object> params = new ArrayList<>();
    if (e.hasPathId()) {
      params.add(map("name", "id", "in", "path", "required", true, "description", "The id.", "schema", map("type", "string")));
    }
    List<Endpoint.Param> all = new ArrayList<>();
    if (e.filters()) all.addAll(Endpoints.FILTERS);
    all.addAll(e.query());
    all.addAll(Endpoints.EXPORT);
    for (Endpoint.Param p : all) params.add(parameter(p));
    op.put("parameters", params);
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put("200", map("description", "The page (JSON), or one of its tables (CSV)", "content", map(
        "application/json", map("schema", ref(e.response())),
        "text/csv", map("schema", map("type", "string")))));
    for (String[] r : new String[][] {{"400", "A parameter is invalid (the error names it)"},
        {"401", "No or unknown token"}, {"403", "The caller may not see this"}, {"404", "No such person or team"}}) {
      responses.put(r[0], map("description", r[1], "content", map("application/json",
          map("schema", map("$ref", "#/components/schemas/Error")))));
    }
    op.put("responses", responses);
    return op;
  }

  private Map<String, Object> operation(ApiOperation o) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("operationId", o.operationId());
    op.put("summary", o.summary());
    op.put("description", o.description());
    op.put("tags", List.of(o.tag()));
    List<Object> params = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(o.path());
    while (m.find()) {
      params.add(map("name", m.group(1), "in", "path", "required", true, "description", "The " + m.group(1) + ".",
          "schema", map("type", "string")));
    }
    for (ApiOperation.QueryParam p : o.query()) {
      params.add(map("name", p.name(), "in", "query", "required", false, "description", p.description(),
          "schema", map("type", p.type())));
    }
    op.put("parameters", params);
    if (o.requestBody() != null) {
      op.put("requestBody", map("required", false, "content", map("application/json", map("schema", ref(o.requestBody())))));
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put("200", map("description", "The answer", "content", map("application/json",
        map("schema", o.response().isRecord() ? ref(o.response()) : schema(o.response())))));
    for (String[] r : new String[][] {{"400", "A field or parameter is invalid (the error names it)"},
        {"401", "No or unknown token"}, {"403", "The token lacks the read scope"}}) {
      responses.put(r[0], map("description", r[1], "content", map("application/json",
          map("schema", map("$ref", "#/components/schemas/Error")))));
    }
    op.put("responses", responses);
    return op;
  }

  private static Map<String, Object> parameter(Endpoint.Param p) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", p.type());
    if (p.format() != null) schema.put("format", p.format());
    if (!p.values().isEmpty()) schema.put("enum", p.values());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", p.name());
    out.put("in", "query");
    out.put("required", false);
    out.put("description", p.description() + (p.repeatable() ? " Repeat the parameter or separate values with commas." : ""));
    if (p.repeatable()) {
      out.put("schema", map("type", "array", "items", schema));
      out.put("style", "form");
      out.put("explode", true);
    } else {
      out.put("schema", schema);
    }
    return out;
  }

  private static String name(Class<?> c) {
    String n = c.getName();
    return n.substring(n.lastIndexOf('.') + 1).replace('$', '.');
  }

  private Map<String, Object> ref(Class<?> record) {
    String name = name(record);
    if (!schemas.containsKey(name)) {
      schemas.put(name, Map.of()); // placeholder against cycles
      Map<String, Object> props = new LinkedHashMap<>();
      List<String> required = new ArrayList<>();
      for (RecordComponent rc : record.getRecordComponents()) {
        props.put(rc.getName(), schema(rc.getGenericType()));
        if (rc.getType().isPrimitive()) required.add(rc.getName());
      }
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("type", "object");
      s.put("properties", props);
      if (!required.isEmpty()) s.put("required", required);
      schemas.put(name, s);
    }
    return map("$ref", "#/components/schemas/" + name);
  }

  private Map<String, Object> schema(Type t) {
    if (t instanceof ParameterizedType pt) {
      Class<?> raw = (Class<?>) pt.getRawType();
      if (List.class.isAssignableFrom(raw) || java.util.Set.class.isAssignableFrom(raw)) {
        return map("type", "array", "items", schema(pt.getActualTypeArguments()[0]));
      }
      if (Map.class.isAssignableFrom(raw)) {
        Type v = pt.getActualTypeArguments()[1];
        return map("type", "object", "additionalProperties", v == Object.class ? map() : schema(v));
      }
      return schema(raw);
    }
    Class<?> c = (Class<?>) t;
    if (c == String.class) return map("type", "string");
    if (c == boolean.class || c == Boolean.class) return map("type", "boolean");
    if (c == int.class || c == Integer.class) return map("type", "integer", "format", "int32");
    if (c == long.class || c == Long.class) return map("type", "integer", "format", "int64");
    if (c == double.class || c == Double.class) return map("type", "number", "format", "double");
    if (c == BigDecimal.class) return map("type", "number");
    if (c == LocalDate.class) return map("type", "string", "format", "date");
    if (c == Instant.class) return map("type", "string", "format", "date-time");
    if (c.isRecord()) return ref(c);
    if (c.isEnum()) {
      List<String> values = new ArrayList<>();
      for (Object v : c.getEnumConstants()) values.add(((Enum<?>) v).name());
      return map("type", "string", "enum", values);
    }
    if (c == Object.class) return map();
    if (Map.class.isAssignableFrom(c)) return map("type", "object"); // described in the operation's text
    throw new IllegalStateException("no OpenAPI schema for " + c);
  }

  /** An ordered map of alternating keys and values. */
  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }
}
