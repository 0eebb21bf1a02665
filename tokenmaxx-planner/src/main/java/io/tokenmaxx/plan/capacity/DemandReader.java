package io.tokenmaxx.plan.capacity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmaxx.plan.json.JsonFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@link DemandProfile} from JSON:
 *
 * <pre>{@code
 * {"name": "acme, July",
 *  "models": [{"class": "coding", "model": "Llama-3.3-70B",
 *              "input_tokens_per_second":  {"p50": 20000, "p95": 60000, "peak": 90000},
 *              "output_tokens_per_second": {"p50": 1500, "p95": 4500, "peak": 7000},
 *              "concurrent_requests": {"p50": 40, "p95": 120, "peak": 180},
 *              "input_length": {"mean": 12000, "p95": 60000},
 *              "output_length": {"mean": 700, "p95": 3000},
 *              "cache_share": 0.6, "monthly_growth": 0.08, "api_model": "claude-sonnet-4-5",
 *              "input_tokens_per_month": 25e9, "output_tokens_per_month": 1.9e9}]}
 * }</pre>
 *
 * A rate may also be a single number (the same at every level). The monthly totals are optional
 * (costs then assume the p50 rate all month).
 */
public final class DemandReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DemandReader() {}

  public static DemandProfile read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read demand file " + file + ": " + e.getMessage(), e);
    }
  }

  public static DemandProfile parse(String json, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("demand " + source + " is not valid JSON: " + e.getOriginalMessage());
    }
    JsonFields top = new JsonFields(root, "demand " + source);
    String name = top.text("name", "");
    top.text("about", "");
    List<JsonNode> models = top.list("models", true);
    if (models.isEmpty()) throw top.fail("models", "must be a non-empty list");
    top.rejectUnknown();
    List<ModelDemand> demands = new ArrayList<>();
    for (int i = 0; i < models.size(); i++) {
      String where = "demand " + source + ": models[" + i + "]";
      try {
        JsonFields f = new JsonFields(models.get(i), where);
        demands.add(demand(f, models.get(i)));
        f.rejectUnknown();
      } catch (IllegalArgumentException e) {
        throw e.getMessage() != null && e.getMessage().startsWith("demand ")
            ? e : new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return new DemandProfile(name, demands);
  }

  private static ModelDemand demand(JsonFields f, JsonNode node) {
    return new ModelDemand(
        f.text("class", ""),
        f.text("model", null),
        rates(f, node, "input_tokens_per_second", true),
        rates(f, node, "output_tokens_per_second", true),
        rates(f, node, "concurrent_requests", false),
        lengths(f, node, "input_length"),
        lengths(f, node, "output_length"),
        f.number("cache_share", 0.0),
        f.signedNumber("monthly_growth", 0.0),
        f.text("api_model", "").isBlank() ? null : f.text("api_model", ""),
        f.number("input_tokens_per_month", 0.0),
        f.number("output_tokens_per_month", 0.0));
  }

  private static Rates rates(JsonFields f, JsonNode node, String field, boolean required) {
    JsonNode v = node.get(field);
    if (v != null && v.isNumber()) return Rates.flat(f.number(field, null));
    JsonFields r = required ? f.object(field) : f.optionalObject(field);
    if (r == null) return Rates.ZERO;
    Rates out = new Rates(r.number("p50", null), r.number("p95", null), r.number("peak", null));
    r.rejectUnknown();
    return out;
  }

  private static Lengths lengths(JsonFields f, JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v != null && v.isNumber()) return Lengths.fixed(f.number(field, null));
    JsonFields l = f.object(field);
    double mean = l.number("mean", null);
    Lengths out = new Lengths(mean, l.number("p95", mean));
    l.rejectUnknown();
    return out;
  }
}
