package io.tokenmaxx.server.plan;

import io.tokenmaxx.plan.Deployment;
import io.tokenmaxx.plan.GpuSpec;
import io.tokenmaxx.plan.LatencyTargets;
import io.tokenmaxx.plan.ModelSpec;
import io.tokenmaxx.plan.Planner;
import io.tokenmaxx.plan.Precision;
import io.tokenmaxx.plan.ThroughputEstimate;
import io.tokenmaxx.plan.capacity.CapacityPlan;
import io.tokenmaxx.plan.capacity.CapacityPlanner;
import io.tokenmaxx.plan.capacity.ModelDemand;
import io.tokenmaxx.plan.capacity.ModelSizing;
import io.tokenmaxx.plan.capacity.Percentile;
import io.tokenmaxx.plan.capacity.Rates;
import io.tokenmaxx.plan.capacity.DemandProfile;
import io.tokenmaxx.plan.catalog.ApiPrice;
import io.tokenmaxx.plan.catalog.Catalog;
import io.tokenmaxx.plan.capacity.SizingOptions;
import io.tokenmaxx.plan.tco.MonthPoint;
import io.tokenmaxx.plan.tco.MonthlyCosts;
import io.tokenmaxx.plan.tco.Option;
import io.tokenmaxx.plan.tco.SelfHostCosts;
import io.tokenmaxx.plan.tco.TcoInputs;
import io.tokenmaxx.plan.tco.TcoModel;
import io.tokenmaxx.plan.tco.TcoResult;
import io.tokenmaxx.plan.tco.TokenVolume;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Answers a {@link PlanRequest} with the planner library: the demand after the what-ifs, the GPUs
 * it needs, and owning versus renting versus the API. Stateless; one instance per server.
 */
public final class PlanEngine {
  static final String DEFAULT_GPU = "H100";

  private final Catalog catalog;
  private final Planner planner;
  private final TcoModel tco = new TcoModel();

  public PlanEngine(Catalog catalog, Planner planner) {
    this.catalog = catalog;
    this.planner = planner;
  }

  public Catalog catalog() {
    return catalog;
  }

  public Planner planner() {
    return planner;
  }

  /** The demand the plan serves: the request's own, or the recorded one with the what-ifs applied. */
  public List<ModelDemand> demand(RecordedDemand recorded, PlanRequest r) {
    List<ModelDemand> base;
    if (r.demand() != null && !r.demand().isEmpty()) {
      base = r.demand();
    } else {
      base = recorded.classes().stream().map(ClassDemand::demand).toList();
      for (String name : r.classes().keySet()) {
        if (base.stream().noneMatch(d -> d.modelClass().equals(name))) {
          throw new PlanInputException("classes", "no recorded class '" + name + "'; classes: "
              + base.stream().map(ModelDemand::modelClass).toList());
        }
      }
    }
    List<ModelDemand> out = new ArrayList<>();
    for (ModelDemand d : base) {
      PlanRequest.ClassChoice c = r.classes().get(d.modelClass());
      if (c != null && Boolean.FALSE.equals(c.include())) continue;
      if (r.scale() != null) {
        if (!(r.scale() > 0) || Double.isInfinite(r.scale())) throw new PlanInputException("scale", "scale must be > 0, was " + r.scale());
        d = d.scaled(r.scale());
      }
      if (c != null) d = choose(d, c);
      if (r.monthlyGrowth() != null) {
        if (!(r.monthlyGrowth() > -1) || r.monthlyGrowth() > 10) {
          throw new PlanInputException("monthlyGrowth", "monthly growth must be between -1 and 10 (0.05 = 5 %), was " + r.monthlyGrowth());
        }
        d = withGrowth(d, r.monthlyGrowth());
      }
      check(d);
      out.add(d);
    }
    if (out.isEmpty()) {
      throw new PlanInputException("demand", recorded.classes().isEmpty()
          ? "no usage was recorded in the last " + recorded.days() + " days; send a demand to plan"
          : "every class was left out");
    }
    return out;
  }

  private ModelDemand choose(ModelDemand d, PlanRequest.ClassChoice c) {
    String field = "classes." + d.modelClass();
    if (c.model() != null && !c.model().isBlank()) {
      try {
        d = d.withModel(catalog.model(c.model()).name());
      } catch (IllegalArgumentException e) {
        throw new PlanInputException(field + ".model", e.getMessage());
      }
    }
    if (c.apiModel() != null && !c.apiModel().isBlank()) {
      try {
        d = withApi(d, catalog.apiPrice(c.apiModel()).name());
      } catch (IllegalArgumentException e) {
        throw new PlanInputException(field + ".apiModel", e.getMessage());
      }
    }
    Double peak = c.peakOutputTokensPerSecond();
    if (peak != null) {
      if (!(peak > 0) || Double.isInfinite(peak)) {
        throw new PlanInputException(field + ".peakOutputTokensPerSecond", "the peak must be > 0 tokens/s, was " + peak);
      }
      d = withPeak(d, peak);
    }
    return d;
  }

  private void check(ModelDemand d) {
    try {
      catalog.model(d.model());
    } catch (IllegalArgumentException e) {
      throw new PlanInputException("classes." + d.modelClass() + ".model", e.getMessage());
    }
    if (d.apiModel() != null) {
      try {
        catalog.apiPrice(d.apiModel());
      } catch (IllegalArgumentException e) {
        throw new PlanInputException("classes." + d.modelClass() + ".apiModel", e.getMessage());
      }
    }
  }

  static ModelDemand withApi(ModelDemand d, String api) {
    return new ModelDemand(d.modelClass(), d.model(), d.inputTokensPerSecond(), d.outputTokensPerSecond(),
        d.concurrentRequests(), d.inputLength(), d.outputLength(), d.cacheShare(), d.monthlyGrowth(), api,
        d.inputTokensPerMonth(), d.outputTokensPerMonth());
  }

  static ModelDemand withGrowth(ModelDemand d, double g) {
    return new ModelDemand(d.modelClass(), d.model(), d.inputTokensPerSecond(), d.outputTokensPerSecond(),
        d.concurrentRequests(), d.inputLength(), d.outputLength(), d.cacheShare(), g, d.apiModel(),
        d.inputTokensPerMonth(), d.outputTokensPerMonth());
  }

  /**
   * The busiest minute set to {@code peak} generated tokens/s: the input and concurrency peaks move
   * by the same factor, and p50 / p95 are lowered where they would exceed the new peak.
   */
  static ModelDemand withPeak(ModelDemand d, double peak) {
    double old = d.outputTokensPerSecond().peak();
    double f = old > 0 ? peak / old : 1;
    return new ModelDemand(d.modelClass(), d.model(), capped(d.inputTokensPerSecond(), d.inputTokensPerSecond().peak() * f),
        capped(d.outputTokensPerSecond(), peak), capped(d.concurrentRequests(), d.concurrentRequests().peak() * f),
        d.inputLength(), d.outputLength(), d.cacheShare(), d.monthlyGrowth(), d.apiModel(), d.inputTokensPerMonth(),
        d.outputTokensPerMonth());
  }

  private static Rates capped(Rates r, double peak) {
    return new Rates(Math.min(r.p50(), peak), Math.min(r.p95(), peak), peak);
  }

  /** GPUs for the demand. */
  public Views.Capacity capacity(RecordedDemand recorded, PlanRequest r) {
    List<ModelDemand> demand = demand(recorded, r);
    SizingOptions o = sizing(r);
    CapacityPlan plan = new CapacityPlanner(planner, catalog).plan(new DemandProfile("", demand), o);
    List<Views.Sizing> sizings = new ArrayList<>();
    for (ModelSizing s : plan.sizings()) {
      sizings.add(new Views.Sizing(s.demand().modelClass(), s.demand().model(), s.served(), s.replicas(), s.gpus(),
          s.sizedBy(), s.utilization(), s.estimate() == null ? null : Views.Replica.of(s.estimate()), s.growth(),
          s.notes()));
    }
    return new Views.Capacity(demand, o.gpu().name(), o.weights().id(), o.tensorParallel(), o.headroom(),
        o.sizeFor().name().toLowerCase(Locale.ROOT), ms(o.targets().ttftSeconds()), ms(o.targets().itlSeconds()),
        sizings, plan.totalGpus(), plan.growth(), plan.allServed());
  }

  /** Owning versus renting versus the API, per class and in total. */
  public Views.Costs costs(RecordedDemand recorded, PlanRequest r) {
    List<ModelDemand> demand = demand(recorded, r);
    SizingOptions o = sizing(r);
    SelfHostCosts costs = costs(o.gpu(), r);
    int horizon = intIn(r.horizonMonths(), 36, 1, 120, "horizonMonths");
    double apiFactor = r.apiPriceFactor() == null ? 1 : r.apiPriceFactor();
    if (!(apiFactor > 0) || apiFactor > 100) throw new PlanInputException("apiPriceFactor", "API price factor must be > 0, was " + apiFactor);
    List<Views.Tco> out = new ArrayList<>();
    for (ModelDemand d : demand) out.add(compare(d, o, costs, apiFactor, horizon));
    return new Views.Costs(demand, out, totals(out, horizon));
  }

  private Views.Tco compare(ModelDemand d, SizingOptions o, SelfHostCosts costs, double apiFactor, int horizon) {
    ModelSpec m = catalog.model(d.model());
    ThroughputEstimate best = null;
    ThroughputEstimate last = null;
    List<Integer> degrees = new ArrayList<>();
    if (o.tensorParallel() > 0) {
      degrees.add(o.tensorParallel());
    } else {
      for (int t = 1; t <= o.maxTensorParallel() && m.attentionHeads() % t == 0; t *= 2) degrees.add(t);
    }
    for (int t : degrees) {
      ThroughputEstimate e = planner.throughput(new Deployment(m, o.gpu(), t, o.weights(), o.kvCache()),
          CapacityPlanner.workload(d), o.targets());
      last = e;
      if (e.serves() && (best == null || e.outputTokensPerSecondPerGpu() > best.outputTokensPerSecondPerGpu())) best = e;
    }
    if (best == null) {
      String why = m.name() + " cannot serve this traffic on " + o.gpu().name() + " at tensor parallelism " + degrees
          + (last == null ? "" : ": " + String.join(" ", last.notes()));
      return new Views.Tco(d.modelClass(), false, why, last == null ? null : Views.Replica.of(last), costs, null, null,
          o.headroom(), null, null, null, List.of(), List.of(), List.of(), List.of());
    }
    ApiPrice api = api(d, m, apiFactor);
    TokenVolume v = new TokenVolume(d.monthlyInputTokens(), d.monthlyOutputTokens(), d.cacheShare(),
        peakToAverage(d, o.sizeFor()), d.monthlyGrowth());
    TcoResult t = tco.compute(new TcoInputs(best, costs, api, v, o.headroom(), horizon));
    return new Views.Tco(d.modelClass(), true, null, Views.Replica.of(best), costs, api, v, o.headroom(), t.now(),
        t.now().cheapest(), t.breakeven(), t.curve(), t.timeline(), t.sensitivity(), t.notes());
  }

  /** The sized busy-minute level's output rate over the month's average (GPUs are bought for that level). */
  static double peakToAverage(ModelDemand d, Percentile level) {
    double avg = d.monthlyOutputTokens() / io.tokenmaxx.plan.Units.SECONDS_PER_MONTH;
    return avg > 0 ? Math.max(1, d.outputTokensPerSecond().at(level) / avg) : 1;
  }

  private ApiPrice api(ModelDemand d, ModelSpec m, double factor) {
    ApiPrice p = catalog.apiPrice(d.apiModel() != null ? d.apiModel() : "hosted/" + m.name());
    if (factor == 1) return p;
    BigDecimal f = BigDecimal.valueOf(factor);
    return new ApiPrice(p.name(), p.provider(), p.inputPerMillion().multiply(f), p.outputPerMillion().multiply(f),
        p.cachedInputPerMillion().multiply(f), p.source() + String.format(Locale.ROOT, " x %.2f (given)", factor), p.asOf());
  }

  private static Views.TcoTotals totals(List<Views.Tco> classes, int horizon) {
    BigDecimal buy = BigDecimal.ZERO;
    BigDecimal rent = BigDecimal.ZERO;
    BigDecimal api = BigDecimal.ZERO;
    int gpus = 0;
    BigDecimal[] cumBuy = zeros(horizon);
    BigDecimal[] cumRent = zeros(horizon);
    BigDecimal[] cumApi = zeros(horizon);
    for (Views.Tco t : classes) {
      if (!t.served()) continue;
      MonthlyCosts now = t.now();
      buy = buy.add(now.buy());
      rent = rent.add(now.rent());
      api = api.add(now.api());
      gpus += now.gpus();
      for (MonthPoint p : t.timeline()) {
        int i = p.month() - 1;
        cumBuy[i] = cumBuy[i].add(p.buyCumulative());
        cumRent[i] = cumRent[i].add(p.rentCumulative());
        cumApi[i] = cumApi[i].add(p.apiCumulative());
      }
    }
    Option cheapest = buy.compareTo(rent) <= 0 && buy.compareTo(api) <= 0 ? Option.BUY
        : rent.compareTo(api) <= 0 ? Option.RENT : Option.API;
    return new Views.TcoTotals(buy, rent, api, gpus, cheapest, first(cumBuy, cumApi), first(cumRent, cumApi), horizon);
  }

  private static BigDecimal[] zeros(int n) {
    BigDecimal[] a = new BigDecimal[n];
    java.util.Arrays.fill(a, BigDecimal.ZERO);
    return a;
  }

  private static Integer first(BigDecimal[] own, BigDecimal[] api) {
    for (int i = 0; i < own.length; i++) {
      if (api[i].signum() > 0 && own[i].compareTo(api[i]) <= 0) return i + 1;
    }
    return null;
  }

  SizingOptions sizing(PlanRequest r) {
    GpuSpec gpu;
    try {
      gpu = catalog.gpu(r.gpu() == null || r.gpu().isBlank() ? DEFAULT_GPU : r.gpu());
    } catch (IllegalArgumentException e) {
      throw new PlanInputException("gpu", e.getMessage());
    }
    Precision weights;
    try {
      weights = r.precision() == null || r.precision().isBlank() ? Precision.FP8 : Precision.parse(r.precision());
    } catch (IllegalArgumentException e) {
      throw new PlanInputException("precision", e.getMessage());
    }
    int tp = intIn(r.tensorParallel(), 0, 0, 64, "tensorParallel");
    if (tp != 0 && Integer.bitCount(tp) != 1) throw new PlanInputException("tensorParallel", "tensor parallel degree must be 0 (pick) or a power of two, was " + tp);
    int maxTp = intIn(r.maxTensorParallel(), 8, 1, 64, "maxTensorParallel");
    double headroom = r.headroom() == null ? 0.2 : r.headroom();
    if (!(headroom >= 0) || headroom > 10) throw new PlanInputException("headroom", "headroom must be between 0 and 10 (0.2 = 20 %), was " + headroom);
    Percentile level;
    try {
      level = r.sizeFor() == null || r.sizeFor().isBlank() ? Percentile.PEAK
          : Percentile.valueOf(r.sizeFor().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new PlanInputException("sizeFor", "size for must be p50, p95 or peak, was '" + r.sizeFor() + "'");
    }
    LatencyTargets targets;
    try {
      targets = LatencyTargets.ofMillis(positive(r.ttftMs(), "ttftMs"), positive(r.itlMs(), "itlMs"));
    } catch (IllegalArgumentException e) {
      throw e instanceof PlanInputException ? e : new PlanInputException("ttftMs", e.getMessage());
    }
    int months = intIn(r.months(), 12, 0, 120, "months");
    return new SizingOptions(gpu, weights, null, tp, maxTp, headroom, targets, level, months);
  }

  private static SelfHostCosts costs(GpuSpec gpu, PlanRequest r) {
    SelfHostCosts d = SelfHostCosts.defaults(gpu);
    BigDecimal price = money(r.gpuPrice(), d.purchasePerGpu(), "gpuPrice");
    BigDecimal rent = money(r.rentPerGpuHour(), d.rentalPerGpuHour(), "rentPerGpuHour");
    BigDecimal energy = money(r.energyPerKwh(), d.energyPerKwh(), "energyPerKwh");
    BigDecimal hosting = money(r.hostingPerGpuYear(), d.hostingPerGpuYear(), "hostingPerGpuYear");
    double years = r.amortizationYears() == null ? d.amortizationYears() : r.amortizationYears();
    if (!(years > 0) || years > 20) throw new PlanInputException("amortizationYears", "amortization years must be between 0 and 20, was " + years);
    boolean given = r.gpuPrice() != null || r.rentPerGpuHour() != null;
    return new SelfHostCosts(price, years, hosting, energy, d.pue(), d.idlePowerFraction(), rent,
        given ? "given" : d.source());
  }

  private static BigDecimal money(BigDecimal v, BigDecimal dflt, String field) {
    if (v == null) return dflt;
    if (v.signum() < 0) throw new PlanInputException(field, field + " must be >= 0, was " + v.toPlainString());
    return v.setScale(Math.max(2, v.scale()), RoundingMode.HALF_EVEN);
  }

  private static Double positive(Double v, String field) {
    if (v == null) return null;
    if (!(v > 0) || Double.isInfinite(v)) throw new PlanInputException(field, field + " must be > 0 milliseconds, was " + v);
    return v;
  }

  private static int intIn(Integer v, int dflt, int lo, int hi, String field) {
    if (v == null) return dflt;
    if (v < lo || v > hi) throw new PlanInputException(field, field + " must be between " + lo + " and " + hi + ", was " + v);
    return v;
  }

  private static Double ms(double seconds) {
    return Double.isInfinite(seconds) ? null : seconds * 1000;
  }

  /** Names the catalog knows, for the page's choices. */
  public Map<String, List<String>> choices() {
    return Map.of("models", catalog.models().stream().map(ModelSpec::name).toList(),
        "gpus", catalog.gpus().stream().map(GpuSpec::name).toList(),
        "apis", catalog.apiPrices().stream().map(ApiPrice::name).toList());
  }
}
