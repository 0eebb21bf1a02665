package io.tokenmaxx.plan.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmaxx.plan.json.JsonFields;
import io.tokenmaxx.plan.GpuSpec;
import io.tokenmaxx.plan.ModelSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reads catalog JSON: {@code models}, {@code gpus} and {@code api_prices} arrays, each optional. */
final class CatalogReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SECTIONS = Set.of("about", "models", "gpus", "api_prices");

  record Parsed(List<ModelSpec> models, List<GpuSpec> gpus, List<ApiPrice> apiPrices) {}

  private CatalogReader() {}

  static Parsed parse(String json, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("catalog " + source + " is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("catalog " + source + ": expected a JSON object with models, gpus or api_prices");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!SECTIONS.contains(f)) {
        throw new IllegalArgumentException("catalog " + source + ": unknown section '" + f
            + "'; expected models, gpus, api_prices");
      }
    }
    List<ModelSpec> models = new ArrayList<>();
    List<GpuSpec> gpus = new ArrayList<>();
    List<ApiPrice> prices = new ArrayList<>();
    each(root, "models", source, f -> models.add(model(f)));
    each(root, "gpus", source, f -> gpus.add(gpu(f)));
    each(root, "api_prices", source, f -> prices.add(apiPrice(f)));
    return new Parsed(models, gpus, prices);
  }

  private interface EntryReader {
    void read(JsonFields f);
  }

  private static void each(JsonNode root, String section, String source, EntryReader reader) {
    JsonNode arr = root.get(section);
    if (arr == null) return;
    if (!arr.isArray()) throw new IllegalArgumentException("catalog " + source + ": '" + section + "' must be a list");
    for (int i = 0; i < arr.size(); i++) {
      JsonNode n = arr.get(i);
      String name = n.path("name").asText("");
      String where = "catalog " + source + ": " + section + "[" + i + "]" + (name.isEmpty() ? "" : " (" + name + ")");
      try {
        JsonFields f = new JsonFields(n, where);
        reader.read(f);
        f.rejectUnknown();
      } catch (IllegalArgumentException e) {
        throw e.getMessage() != null && e.getMessage().startsWith("catalog ")
            ? e : new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
  }

  static ModelSpec model(JsonFields f) {
    long total = f.positiveLong("total_params", null);
    int headDim = f.intValue("head_dim", null);
    return new ModelSpec(
        f.text("name", null),
        f.strings("aliases"),
        total,
        f.positiveLong("active_params", total),
        f.intValue("layers", null),
        f.intValue("hidden_size", null),
        f.intValue("attention_heads", null),
        f.intValue("kv_heads", null),
        headDim,
        f.intValue("v_head_dim", headDim),
        f.intValue("vocab_size", null),
        f.intValue("intermediate_size", null),
        f.bool("tied_embeddings", false),
        f.intValue("experts", 0),
        f.intValue("experts_per_token", 0),
        f.intValue("kv_lora_rank", 0),
        f.intValue("qk_rope_head_dim", 0),
        f.intValue("max_context", null),
        f.text("source", ""));
  }

  static GpuSpec gpu(JsonFields f) {
    JsonFields tf = f.object("dense_tflops");
    double bf16 = tf.number("bf16", null);
    double fp8 = tf.number("fp8", 0.0);
    double int4 = tf.number("int4", 0.0);
    tf.rejectUnknown();
    return new GpuSpec(
        f.text("name", null),
        f.strings("aliases"),
        f.text("description", ""),
        f.number("memory_gib", null),
        f.number("memory_bandwidth_tb_s", null),
        bf16,
        fp8,
        int4,
        f.number("interconnect_gb_s", null),
        f.number("tdp_watts", null),
        f.decimal("purchase_price_usd", true),
        f.decimal("rental_usd_per_gpu_hour", true),
        f.text("datasheet", ""),
        f.text("price_source", ""),
        f.text("price_as_of", ""));
  }

  static ApiPrice apiPrice(JsonFields f) {
    return new ApiPrice(
        f.text("name", null),
        f.text("provider", ""),
        f.decimal("input_per_million", true),
        f.decimal("output_per_million", true),
        f.decimal("cached_input_per_million", false),
        f.text("source", ""),
        f.text("as_of", ""));
  }
}
