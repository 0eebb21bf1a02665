package io.tokenmaxx.cli.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tokenmaxx.plan.MemoryBreakdown;
import io.tokenmaxx.plan.ThroughputEstimate;
import io.tokenmaxx.plan.Units;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON output of the plan commands (snake_case, indented). */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  static void print(PrintWriter out, Object value) {
    try {
      out.println(MAPPER.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A flat, self-describing view of an estimate (the full records would repeat the whole catalog entries). */
  static Map<String, Object> estimate(ThroughputEstimate e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", e.deployment().model().name());
    m.put("gpu", e.deployment().gpu().name());
    m.put("tensor_parallel", e.deployment().tensorParallel());
    m.put("weights", e.deployment().weights().id());
    m.put("kv_cache", e.deployment().kvCache().id());
    m.put("input_tokens", e.workload().inputTokens());
    m.put("output_tokens", e.workload().outputTokens());
    m.put("cached_input_share", e.workload().cachedInputFraction());
    m.put("fit", e.fit());
    m.put("limiter", e.limiter());
    m.put("concurrency", e.concurrency());
    m.put("kv_limited_concurrency", e.kvLimitedConcurrency());
    m.put("output_tokens_per_second", e.outputTokensPerSecond());
    m.put("output_tokens_per_second_per_gpu", e.outputTokensPerSecondPerGpu());
    m.put("input_tokens_per_second", e.inputTokensPerSecond());
    m.put("requests_per_second", e.requestsPerSecond());
    m.put("ttft_ms", e.ttftSeconds() * 1000);
    m.put("itl_ms", e.itlSeconds() * 1000);
    m.put("memory_per_gpu", memory(e.memory()));
    m.put("step", e.step());
    m.put("notes", e.notes());
    return m;
  }

  static Map<String, Object> memory(MemoryBreakdown mem) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("total_gib", mem.totalBytes() / Units.GIB);
    m.put("weights_gib", mem.weightBytes() / Units.GIB);
    m.put("runtime_gib", mem.runtimeBytes() / Units.GIB);
    m.put("kv_cache_gib", mem.kvCacheBytes() / Units.GIB);
    m.put("unused_gib", mem.unusedBytes() / Units.GIB);
    m.put("kv_bytes_per_token", mem.kvBytesPerToken());
    m.put("kv_token_capacity", mem.kvTokenCapacity());
    return m;
  }
}
