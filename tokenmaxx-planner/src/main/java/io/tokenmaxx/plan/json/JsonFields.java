package io.tokenmaxx.plan.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Typed, named access to one JSON object; every error says where it is and which field is wrong. */
public final class JsonFields {
  private final JsonNode node;
  private final String where;
  private final Set<String> read = new HashSet<>();

  public JsonFields(JsonNode node, String where) {
    if (node == null || !node.isObject()) throw new IllegalArgumentException(where + ": expected a JSON object");
    this.node = node;
    this.where = where;
  }

  public String where() {
    return where;
  }

  private JsonNode get(String field, boolean required) {
    read.add(field);
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) throw fail(field, "is missing");
      return null;
    }
    return v;
  }

  public String text(String field, String fallback) {
    JsonNode v = get(field, fallback == null);
    if (v == null) return fallback;
    if (!v.isTextual()) throw fail(field, "must be a string");
    return v.asText();
  }

  public long positiveLong(String field, Long fallback) {
    JsonNode v = get(field, fallback == null);
    if (v == null) return fallback;
    if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() <= 0) {
      throw fail(field, "must be a positive whole number, was " + v);
    }
    return v.asLong();
  }

  public int intValue(String field, Integer fallback) {
    JsonNode v = get(field, fallback == null);
    if (v == null) return fallback;
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
      throw fail(field, "must be a whole number >= 0, was " + v);
    }
    return v.asInt();
  }

  public double number(String field, Double fallback) {
    JsonNode v = get(field, fallback == null);
    if (v == null) return fallback;
    if (!v.isNumber() || v.asDouble() < 0) throw fail(field, "must be a number >= 0, was " + v);
    return v.asDouble();
  }

  /** A number that may be negative (a growth rate). */
  public double signedNumber(String field, Double fallback) {
    JsonNode v = get(field, fallback == null);
    if (v == null) return fallback;
    if (!v.isNumber()) throw fail(field, "must be a number, was " + v);
    return v.asDouble();
  }

  public BigDecimal decimal(String field, boolean required) {
    JsonNode v = get(field, required);
    if (v == null) return null;
    if (!v.isNumber() || v.decimalValue().signum() < 0) throw fail(field, "must be a number >= 0, was " + v);
    return v.decimalValue();
  }

  public boolean bool(String field, boolean fallback) {
    JsonNode v = get(field, false);
    if (v == null) return fallback;
    if (!v.isBoolean()) throw fail(field, "must be true or false, was " + v);
    return v.asBoolean();
  }

  public List<String> strings(String field) {
    JsonNode v = get(field, false);
    List<String> out = new ArrayList<>();
    if (v == null) return out;
    if (!v.isArray()) throw fail(field, "must be a list of strings");
    for (JsonNode e : v) {
      if (!e.isTextual()) throw fail(field, "must be a list of strings");
      out.add(e.asText());
    }
    return out;
  }

  public JsonFields object(String field) {
    JsonNode v = get(field, true);
    return new JsonFields(v, where + "." + field);
  }

  /** The elements of a list field (empty when absent and not required). */
  public List<JsonNode> list(String field, boolean required) {
    JsonNode v = get(field, required);
    List<JsonNode> out = new ArrayList<>();
    if (v == null) return out;
    if (!v.isArray()) throw fail(field, "must be a list");
    v.forEach(out::add);
    return out;
  }

  /** The nested object, or null when the field is absent. */
  public JsonFields optionalObject(String field) {
    JsonNode v = get(field, false);
    return v == null ? null : new JsonFields(v, where + "." + field);
  }

  /** Fails on a field this reader did not ask for: a typo must not be silently ignored. */
  public void rejectUnknown() {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!read.contains(f)) throw fail(f, "is not a known field");
    }
  }

  public IllegalArgumentException fail(String field, String problem) {
    return new IllegalArgumentException(where + ": field '" + field + "' " + problem);
  }
}
