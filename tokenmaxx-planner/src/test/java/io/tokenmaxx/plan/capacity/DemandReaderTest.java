package io.tokenmaxx.plan.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DemandReaderTest {
  @Test
  void readsAProfile() {
    DemandProfile p = DemandReader.parse("""
        {"name": "acme, July",
         "models": [{"class": "coding", "model": "Llama-3.3-70B",
                     "input_tokens_per_second":  {"p50": 20000, "p95": 60000, "peak": 90000},
                     "output_tokens_per_second": {"p50": 1500, "p95": 4500, "peak": 7000},
                     "concurrent_requests": {"p50": 40, "p95": 120, "peak": 180},
                     "input_length": {"mean": 12000, "p95": 60000},
                     "output_length": {"mean": 700, "p95": 3000},
                     "cache_share": 0.6, "monthly_growth": 0.08, "api_model": "claude-sonnet-4-5",
                     "input_tokens_per_month": 25e9, "output_tokens_per_month": 1.9e9},
                    {"model": "Llama-3.1-8B", "input_tokens_per_second": 5000, "output_tokens_per_second": 800,
                     "input_length": 1500, "output_length": 300}]}
        """, "acme.json");
    assertThat(p.name()).isEqualTo("acme, July");
    ModelDemand d = p.demands().get(0);
    assertThat(d.inputTokensPerSecond().peak()).isEqualTo(90000);
    assertThat(d.concurrentRequests().p95()).isEqualTo(120);
    assertThat(d.inputLength().p95()).isEqualTo(60000);
    assertThat(d.cacheShare()).isEqualTo(0.6);
    assertThat(d.apiModel()).isEqualTo("claude-sonnet-4-5");
    assertThat(d.monthlyOutputTokens()).isEqualTo(1.9e9);
    // average 1.9e9 / 2,628,000 s = 723 tokens/s; peak 7,000 -> 9.7x
    assertThat(d.peakToAverage()).isCloseTo(7000 / (1.9e9 / 2_628_000), org.assertj.core.api.Assertions.within(1e-9));
    ModelDemand flat = p.demands().get(1);
    assertThat(flat.modelClass()).isEqualTo("Llama-3.1-8B");
    assertThat(flat.outputTokensPerSecond()).isEqualTo(Rates.flat(800));
    assertThat(flat.concurrentRequests()).isEqualTo(Rates.ZERO);
    assertThat(flat.apiModel()).isNull();
    // no monthly totals: the p50 rate all month, 800 x 2,628,000 = 2.1024e9; flat rates -> peak-to-average 1
    assertThat(flat.monthlyOutputTokens()).isEqualTo(800 * 2_628_000.0);
    assertThat(flat.peakToAverage()).isEqualTo(1.0);
  }

  @Test
  void errorsNameTheFileEntryAndField() {
    assertThatThrownBy(() -> DemandReader.parse("{\"models\": []}", "d.json"))
        .hasMessageContaining("demand d.json: field 'models' must be a non-empty list");
    assertThatThrownBy(() -> DemandReader.parse("""
        {"models": [{"model": "X", "input_tokens_per_second": 1, "output_tokens_per_second": {"p50": 1, "peak": 2},
                     "input_length": 1, "output_length": 1}]}""", "d.json"))
        .hasMessageContaining("demand d.json: models[0].output_tokens_per_second: field 'p95' is missing");
    assertThatThrownBy(() -> DemandReader.parse("""
        {"models": [{"model": "X", "input_tokens_per_second": 1, "output_tokens_per_second": 1,
                     "input_length": 1, "output_length": 1, "cache_shares": 0.5}]}""", "d.json"))
        .hasMessageContaining("models[0]: field 'cache_shares' is not a known field");
    assertThatThrownBy(() -> DemandReader.parse("""
        {"models": [{"model": "X", "input_tokens_per_second": {"p50": 5, "p95": 1, "peak": 9},
                     "output_tokens_per_second": 1, "input_length": 1, "output_length": 1}]}""", "d.json"))
        .hasMessageContaining("models[0]").hasMessageContaining("p50 <= p95 <= peak");
  }
}
