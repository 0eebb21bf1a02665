package io.tokenmaxx.plan.tco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tokenmaxx.plan.Fit;
import io.tokenmaxx.plan.LatencyTargets;
import io.tokenmaxx.plan.Limiter;
import io.tokenmaxx.plan.Planner;
import io.tokenmaxx.plan.StepTime;
import io.tokenmaxx.plan.ThroughputEstimate;
import io.tokenmaxx.plan.Toy;
import io.tokenmaxx.plan.Workload;
import io.tokenmaxx.plan.catalog.ApiPrice;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One Toy GPU per replica delivering 1,000 output and 1,000 input tokens/s; $21,600 over 3 years
 * ($600/month), hosting $3,600/year ($300/month), 500 W x PUE 1.2 x 730 h = 438 kWh/month at TDP,
 * x $0.10 = $43.80 at full load, of which 20 % ($8.76) idle and $35.04 rising with load; rent
 * $2/h = $1,460/month. API: $1/M input, $2/M output. Volume 1e9 + 1e9 tokens/month, peak 2x average.
 */
class TcoModelTest {
  static final double SECONDS_PER_MONTH = 730 * 3600.0; // 2,628,000

  final ThroughputEstimate replica = new ThroughputEstimate(Toy.fp8(1), Workload.of(1000, 1000), LatencyTargets.NONE,
      Fit.FITS, Limiter.MAX_BATCH, 100, 100, new Planner(Toy.PROFILE).memory(Toy.fp8(1)), StepTime.ZERO,
      1000, 1000, 1, 0.1, 0.01, List.of());
  final SelfHostCosts costs = new SelfHostCosts(new BigDecimal("21600"), 3, new BigDecimal("3600"),
      new BigDecimal("0.10"), 1.2, 0.2, new BigDecimal("2"), "test");
  final ApiPrice api = ApiPrice.of("api", BigDecimal.ONE, new BigDecimal("2"));
  final TokenVolume volume = new TokenVolume(1e9, 1e9, 0, 2, 0);
  final TcoInputs inputs = new TcoInputs(replica, costs, api, volume, 0, 24);
  final TcoResult r = new TcoModel().compute(inputs);

  @Test
  void monthlyCostsAtTheCurrentVolume() {
    // average output 1e9 / 2,628,000 = 380.5 tokens/s; peak x2 = 761 < 1,000: 1 replica, average load 38.05 %
    MonthlyCosts now = r.now();
    assertThat(now.gpus()).isEqualTo(1);
    assertThat(now.load()).isCloseTo(1e9 / SECONDS_PER_MONTH / 1000, within(1e-12));
    // owning: 600 + 300 + 8.76 + 35.04 x 0.380518 (13.33) = 922.09
    assertThat(now.buyAmortization()).isEqualByComparingTo("600.00");
    assertThat(now.buyHosting()).isEqualByComparingTo("300.00");
    assertThat(now.buyPower()).isEqualByComparingTo("22.09");
    assertThat(now.buy()).isEqualByComparingTo("922.09");
    assertThat(now.rent()).isEqualByComparingTo("1460.00");
    // API: 1e9 x $1/M + 1e9 x $2/M = $3,000
    assertThat(now.api()).isEqualByComparingTo("3000.00");
    assertThat(now.cheapest()).isEqualTo(Option.BUY);
  }

  @Test
  void breakevenVolumes() {
    // owning = I + S s within the first replica: I = 600 + 300 + 8.76 = 908.76;
    // S = 35.04 x (0.5 / 1,000 / 2,628,000) = 6.6667e-9 $/token; API a = (0.5 x 1 + 0.5 x 2) / 1e6 = 1.5e-6 $/token
    // s* = 908.76 / (1.5e-6 - 6.6667e-9) = 608.5M tokens/month (below the first replica's 2.628B reach)
    double slope = 35.04 * (0.5 / 1000 / SECONDS_PER_MONTH);
    double first = 908.76 / (1.5e-6 - slope);
    assertThat(r.breakeven().buyFirstTokensPerMonth()).isCloseTo(first, within(1.0));
    // one full replica earns D = (a - S) / k = 3,924 > I, and ceil(D / (D - I)) = 2: it stays won from s*
    assertThat(r.breakeven().buySustainedTokensPerMonth()).isCloseTo(first, within(1.0));
    // renting: 1,460 / 1.5e-6 = 973.3M
    assertThat(r.breakeven().rentFirstTokensPerMonth()).isCloseTo(1460 / 1.5e-6, within(1.0));
    // a bought GPU pays back against renting after 21,600 / (1,460 - 300 - 22.09) = 18.98 months
    assertThat(r.breakeven().buyVsRentMonths()).isCloseTo(21600 / (1460 - 300 - 8.76 - 35.04 * 0.3805175), within(0.01));
  }

  @Test
  void cumulativeBreakevenMonth() {
    // cash: month m owning = 21,600 + 322.09 m, API = 3,000 m -> 21,600 / 2,677.91 = 8.07 -> month 9
    assertThat(r.breakeven().buyVsApiMonth()).isEqualTo(9);
    assertThat(r.breakeven().rentVsApiMonth()).isEqualTo(1);
    MonthPoint m1 = r.timeline().get(0);
    assertThat(m1.buy()).isEqualByComparingTo("21922.09");
    assertThat(r.timeline().get(8).buyCumulative()).isLessThan(r.timeline().get(8).apiCumulative());
    assertThat(r.timeline().get(7).buyCumulative()).isGreaterThan(r.timeline().get(7).apiCumulative());
    assertThat(r.timeline()).hasSize(24);
  }

  @Test
  void replicaBoundariesCanHandTheWinBackToTheApi() {
    // API at $0.40/M blended (a = 4e-7): a full replica earns D = (4e-7 - 6.67e-9) / k, k = 2 x 1.9026e-10:
    // D = 1,033.6 > I = 908.76, so owning wins inside each band but only for good from
    // r0 = ceil(1,033.6 / 124.8) = 9 replicas: sustained s = 8 x 908.76 / (4e-7 - 6.67e-9) = 18.48B
    TcoInputs cheapApi = new TcoInputs(replica, costs, ApiPrice.of("cheap", new BigDecimal("0.4"), new BigDecimal("0.4")),
        volume, 0, 24);
    CostModel m = new CostModel(cheapApi, 1, 1, 1, 1, 1);
    double margin = 4e-7 - 35.04 * (0.5 / 1000 / SECONDS_PER_MONTH);
    assertThat(m.firstBreakeven(m.buyIntercept(), m.buySlope())).isCloseTo(908.76 / margin, within(1.0));
    assertThat(m.sustainedBreakeven(m.buyIntercept(), m.buySlope())).isCloseTo(8 * 908.76 / margin, within(1.0));
    // check the claim directly: just above 8 replicas' reach owning loses, just below 9's it wins
    double band = 1 / m.k;
    assertThat(m.buy(7 * band * 1.0001)).isGreaterThan(m.api(7 * band * 1.0001));
    assertThat(m.buy(8 * band * 1.0001)).isLessThan(m.api(8 * band * 1.0001));
  }

  @Test
  void neverBreaksEvenWhenTheApiIsCheaperThanAFullReplica() {
    TcoInputs cheap = new TcoInputs(replica, costs, ApiPrice.of("cheap", new BigDecimal("0.1"), new BigDecimal("0.1")),
        volume, 0, 24);
    TcoResult x = new TcoModel().compute(cheap);
    assertThat(x.breakeven().buyFirstTokensPerMonth()).isNull();
    assertThat(x.breakeven().buyVsApiMonth()).isNull();
    assertThat(x.notes()).anyMatch(n -> n.startsWith("Owning never beats the API"));
  }

  @Test
  void sensitivityMovesTheRightWay() {
    SensitivityRow base = r.sensitivity().get(0);
    assertThat(base.input()).isEqualTo("as given");
    assertThat(base.buy()).isEqualByComparingTo(r.now().buy());
    SensitivityRow dearGpu = find("GPU purchase price", 1.5);
    assertThat(dearGpu.buy()).isEqualByComparingTo("1222.09"); // amortization 600 -> 900
    assertThat(dearGpu.buyVsApiMonth()).isGreaterThan(base.buyVsApiMonth());
    assertThat(find("API price", 0.5).api()).isEqualByComparingTo("1500.00");
    assertThat(find("throughput per GPU", 0.5).buyFirstTokensPerMonth()).isNotNull();
    assertThat(r.sensitivity()).hasSize(1 + 5 * TcoModel.FACTORS.size());
  }

  @Test
  void curveSpansTheBreakevenAndTheCurrentVolume() {
    assertThat(r.curve()).hasSize(TcoModel.CURVE_POINTS);
    assertThat(r.curve().get(0).tokensPerMonth()).isLessThan(r.breakeven().buyFirstTokensPerMonth());
    assertThat(r.curve().get(r.curve().size() - 1).tokensPerMonth()).isGreaterThan(2e9);
    for (int i = 1; i < r.curve().size(); i++) {
      assertThat(r.curve().get(i).api()).isGreaterThanOrEqualTo(r.curve().get(i - 1).api());
      assertThat(r.curve().get(i).gpus()).isGreaterThanOrEqualTo(r.curve().get(i - 1).gpus());
    }
  }

  private SensitivityRow find(String input, double factor) {
    return r.sensitivity().stream().filter(s -> s.input().equals(input) && s.factor() == factor).findFirst().orElseThrow();
  }
}
