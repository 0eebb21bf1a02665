package io.tokenmaxx.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmaxx.cli.TokenmaxxCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class PlanCommandTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = TokenmaxxCli.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static JsonNode json(String s) throws Exception {
    return new ObjectMapper().readTree(s);
  }

  @Test
  void throughputPrintsThroughputMemoryAndLatency() {
    Run r = run("plan", "throughput", "--model", "llama-3.1-8b", "--gpu", "h100", "--tp", "1", "--precision", "fp8",
        "--isl", "1000", "--osl", "1000");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Llama-3.1-8B on 1 x H100 (TP1), FP8 weights, FP8 KV cache; ISL 1,000 / OSL 1,000")
        .contains("output tokens/s").contains("TTFT").contains("ITL").contains("KV cache").contains("weights")
        .contains("Fit: fits");
  }

  @Test
  void throughputAsJson() throws Exception {
    Run r = run("plan", "throughput", "--model", "Llama-3.3-70B", "--gpu", "H100", "--isl", "128", "--osl", "2048", "--json");
    JsonNode j = json(r.out());
    assertThat(j.get("fit").asText()).isEqualTo("KV_STARVED");
    assertThat(j.get("output_tokens_per_second").asDouble()).isPositive();
    assertThat(j.at("/memory_per_gpu/kv_token_capacity").asLong()).isPositive();
    assertThat(j.at("/step/bottleneck").asText()).isEqualTo("WEIGHT_READ");
    assertThat(j.get("batch_curve").size()).isGreaterThan(3);
  }

  @Test
  void unknownNamesFailWithSuggestions() {
    Run r = run("plan", "throughput", "--model", "llama-8b", "--gpu", "H100", "--isl", "1", "--osl", "1");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("unknown model 'llama-8b'; did you mean Llama-3.1-8B?").contains("Known models:");
  }

  @Test
  void capacityFromFlags() throws Exception {
    Run r = run("plan", "capacity", "--model", "Llama-3.1-8B", "--gpu", "H100", "--output-tps", "1000,3000,5000",
        "--isl", "2000", "--osl", "500", "--tp", "1", "--headroom", "0%", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = json(r.out());
    JsonNode s = j.get("sizings").get(0);
    double perReplica = s.at("/replica/output_tokens_per_second").asDouble();
    assertThat(s.get("replicas").asInt()).isEqualTo((int) Math.ceil(5000 / perReplica));
    assertThat(j.get("total_gpus").asInt()).isEqualTo(s.get("gpus").asInt());
  }

  @Test
  void capacityFromADemandFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("demand.json");
    Files.writeString(f, """
        {"name": "acme", "models": [
          {"class": "coding", "model": "Llama-3.3-70B", "input_tokens_per_second": {"p50": 20000, "p95": 60000, "peak": 90000},
           "output_tokens_per_second": {"p50": 1500, "p95": 4500, "peak": 7000}, "input_length": {"mean": 12000, "p95": 60000},
           "output_length": {"mean": 700, "p95": 3000}, "cache_share": 0.6, "monthly_growth": 0.08, "api_model": "claude-sonnet-4-5"},
          {"class": "chat", "model": "Llama-3.1-8B", "input_tokens_per_second": 5000, "output_tokens_per_second": 800,
           "input_length": 1500, "output_length": 300}]}
        """);
    Run r = run("plan", "capacity", "--demand", f.toString(), "--gpu", "H200", "--itl-ms", "60");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Capacity plan for acme").contains("coding").contains("chat").contains("GPUs now:");
    Run tco = run("plan", "tco", "--demand", f.toString(), "--gpu", "H200");
    assertThat(tco.code()).as(tco.err()).isZero();
    assertThat(tco.out()).contains("coding: self-host").contains("vs API claude-sonnet-4-5").contains("chat: self-host")
        .contains("vs API hosted/Llama-3.1-8B");
  }

  @Test
  void capacityWithoutDemandExplainsWhatIsMissing() {
    Run r = run("plan", "capacity", "--gpu", "H100");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("give --server URL (recorded demand), --demand FILE, or --model, --output-tps, --isl and --osl");
  }

  @Test
  void tcoFindsTheBreakeven() throws Exception {
    Run r = run("plan", "tco", "--model", "Llama-3.3-70B", "--gpu", "H100", "--input-tokens", "20B", "--output-tokens", "2B",
        "--api", "claude-sonnet-4-5", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = json(r.out());
    assertThat(j.at("/now/api").decimalValue()).isEqualByComparingTo("90000.00"); // 20B x $3/M + 2B x $15/M
    assertThat(j.get("cheapest").asText()).isEqualTo("BUY");
    assertThat(j.at("/breakeven/buy_first_tokens_per_month").asDouble()).isPositive();
    assertThat(j.get("curve").size()).isGreaterThan(10);
    assertThat(j.get("timeline").size()).isEqualTo(36);
    assertThat(j.get("sensitivity").size()).isEqualTo(21);
  }

  @Test
  void tcoTableAndGivenPrices() {
    Run r = run("plan", "tco", "--model", "Llama-3.1-8B", "--gpu", "L40S", "--input-tokens", "500M", "--output-tokens", "100M",
        "--api-input-price", "0.10", "--api-output-price", "0.20", "--gpu-price", "9000");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Per month at this volume").contains("Breakeven").contains("Sensitivity")
        .contains("GPU prices: given");
  }

  @ParameterizedTest
  @ValueSource(strings = {"throughput", "capacity", "tco", "catalog"})
  void everySubcommandHasHelp(String sub) {
    Run r = run("plan", sub, "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage: tokenmaxx plan " + sub);
  }

  @Test
  void planListsItsSubcommandsAndCatalogListsGpus() {
    assertThat(run("plan").out()).contains("throughput").contains("capacity").contains("tco").contains("catalog");
    assertThat(run("plan", "catalog").out()).contains("H100").contains("Llama-3.1-405B").contains("claude-sonnet-4-5");
  }
}
