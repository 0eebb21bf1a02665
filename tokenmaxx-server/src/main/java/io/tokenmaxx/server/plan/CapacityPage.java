package io.tokenmaxx.server.plan;

import io.helidon.http.Status;
import io.tokenmaxx.analyze.Viewer;
import io.tokenmaxx.plan.EngineProfile;
import io.tokenmaxx.plan.GpuSpec;
import io.tokenmaxx.plan.capacity.GrowthPoint;
import io.tokenmaxx.plan.catalog.ApiPrice;
import io.tokenmaxx.plan.tco.MonthPoint;
import io.tokenmaxx.plan.tco.MonthlyCosts;
import io.tokenmaxx.plan.tco.SelfHostCosts;
import io.tokenmaxx.plan.tco.SensitivityRow;
import io.tokenmaxx.plan.tco.Volumes;
import io.tokenmaxx.server.web.Access;
import io.tokenmaxx.server.web.Chart;
import io.tokenmaxx.server.web.Chart.Unit;
import io.tokenmaxx.server.web.NavItem;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.server.web.PageRoutes;
import io.tokenmaxx.server.web.Result;
import io.tokenmaxx.server.web.View;
import io.tokenmaxx.server.web.WebRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /plan}, "Capacity &amp; TCO": the demand recorded in the last weeks per model class, what
 * it would take to serve it on the organization's own GPUs, what that costs against renting or
 * staying on the API, where the breakeven lies, and how the answer moves with the inputs that
 * matter most; every input editable as a what-if. Organization aggregates only: any signed-in
 * account may open it (classes used by fewer than k people are hidden from non-admins).
 */
public final class CapacityPage implements Page {
  private final PlanService plans;

  public CapacityPage(PlanService plans) {
    this.plans = plans;
  }

  @Override
  public List<NavItem> nav() {
    return List.of(NavItem.page("plan", "Capacity & TCO", "/plan", 55));
  }

  @Override
  public void routes(PageRoutes r) {
    r.get("/plan", Access.SIGNED_IN, this::show);
  }

  /** A sensitivity input's effect: monthly saving of owning over the API with the input halved and 1.5x. */
  public record Swing(String input, BigDecimal low, BigDecimal high) {}

  /** Defaults the answer rests on, shown in the Assumptions section. */
  public record Assumptions(EngineProfile engine, GpuSpec gpu, SelfHostCosts costs, List<ApiPrice> apis) {}

  public record Model(PlanForm form, String error, String errorField, RecordedDemand recorded, Views.Capacity capacity,
      Views.Costs costs, String focus, Views.Tco focusTco, Chart costCurve, Chart cumulative, Chart sensitivity,
      List<Swing> swings, Chart memory, Chart growth, Assumptions assumptions, Map<String, List<String>> choices,
      int k) {

    /** Whether any class has a recorded cost (demo data and unpriced models have none). */
    public boolean anySpend() {
      return recorded.classes().stream().anyMatch(c -> c.apiSpend().signum() > 0);
    }

    public boolean hasPlan() {
      return capacity != null && costs != null;
    }

    /** This page with the same inputs and the detail charts on class {@code cls}. */
    public String focusHref(String cls) {
      Map<String, String> q = new LinkedHashMap<>(form.values());
      q.put("focus", cls);
      return io.tokenmaxx.server.web.QueryString.of(q).on("/plan");
    }
  }

  private Result show(WebRequest w) {
    Viewer viewer = w.viewer();
    int k = viewer.isAdmin() ? 1 : viewer.minGroupSize();
    Map<String, String> typed;
    String error = null;
    String errorField = null;
    try {
      typed = PlanForm.read(w);
    } catch (PlanInputException e) {
      typed = Map.of();
      error = e.getMessage();
      errorField = e.field();
    }
    int days;
    try {
      days = PlanForm.days(typed);
      if (days < 1 || days > DemandProfiler.MAX_DAYS) {
        throw new PlanInputException("days", "Days must be between 1 and " + DemandProfiler.MAX_DAYS + ", was " + days);
      }
    } catch (PlanInputException e) {
      days = DemandProfiler.DEFAULT_DAYS;
      error = e.getMessage();
      errorField = e.field();
      typed = new LinkedHashMap<>(typed);
      typed.remove("days");
    }
    RecordedDemand recorded = plans.recorded(days, k, person -> !viewer.canSee(person));
    PlanForm form = PlanForm.of(typed, recorded);
    Views.Capacity capacity = null;
    Views.Costs costs = null;
    if (error == null && !recorded.classes().isEmpty()) {
      try {
        PlanRequest request = PlanForm.request(typed, recorded.classes().stream().map(ClassDemand::modelClass).toList());
        capacity = plans.engine().capacity(recorded, request);
        costs = plans.engine().costs(recorded, request);
      } catch (PlanInputException e) {
        error = e.getMessage();
        errorField = e.field();
      } catch (IllegalArgumentException e) {
        error = e.getMessage();
      }
    }
    String focus = focus(typed.get("focus"), costs);
    Views.Tco focusTco = costs == null ? null
        : costs.classes().stream().filter(t -> t.modelClass().equals(focus)).findFirst().orElse(null);
    List<Swing> swings = focusTco == null || !focusTco.served() ? List.of() : swings(focusTco);
    GpuSpec gpu = plans.engine().catalog().gpu(capacity != null ? capacity.gpu() : PlanEngine.DEFAULT_GPU);
    Set<ApiPrice> apis = new LinkedHashSet<>();
    if (costs != null) costs.classes().stream().filter(Views.Tco::served).forEach(t -> apis.add(t.api()));
    Assumptions assumptions = new Assumptions(plans.engine().planner().profile(), gpu,
        costs == null ? SelfHostCosts.defaults(gpu) : costs.classes().get(0).costs(), new ArrayList<>(apis));
    Model m = new Model(form, error, errorField, recorded, capacity, costs, focus, focusTco,
        focusTco == null || !focusTco.served() ? null : costCurve(focusTco),
        costs == null ? null : cumulative(costs), swings.isEmpty() ? null : sensitivityChart(focusTco, swings), swings,
        capacity == null ? null : memory(capacity), capacity == null ? null : growth(capacity),
        assumptions, plans.engine().choices(), k);
    View v = Result.view("pages/capacity.jte", "Capacity & TCO", "plan", m).withoutFilterBar();
    return error == null ? v : v.withStatus(Status.BAD_REQUEST_400);
  }

  /** The class the detail charts show: the one asked for, else the one with the largest API bill. */
  private static String focus(String asked, Views.Costs costs) {
    if (costs == null || costs.classes().isEmpty()) return asked;
    if (asked != null && costs.classes().stream().anyMatch(t -> t.modelClass().equals(asked))) return asked;
    return costs.classes().stream().filter(Views.Tco::served)
        .max(Comparator.comparing(t -> t.now().api())).map(Views.Tco::modelClass)
        .orElse(costs.classes().get(0).modelClass());
  }

  private static Chart costCurve(Views.Tco t) {
    List<String> x = new ArrayList<>();
    List<Double> buy = new ArrayList<>();
    List<Double> rent = new ArrayList<>();
    List<Double> api = new ArrayList<>();
    for (MonthlyCosts c : t.curve()) {
      x.add(Volumes.human(c.tokensPerMonth()));
      buy.add(c.buy().doubleValue());
      rent.add(c.rent().doubleValue());
      api.add(c.api().doubleValue());
    }
    return Chart.of("line", Unit.MONEY, "Cost per month against tokens per month: own, rent, API")
        .x(x).series("Own", buy).series("Rent", rent).series("API", api).height("l").build();
  }

  private static Chart cumulative(Views.Costs costs) {
    int n = costs.total().horizonMonths();
    double[] buy = new double[n];
    double[] rent = new double[n];
    double[] api = new double[n];
    for (Views.Tco t : costs.classes()) {
      if (!t.served()) continue;
      for (MonthPoint p : t.timeline()) {
        buy[p.month() - 1] += p.buyCumulative().doubleValue();
        rent[p.month() - 1] += p.rentCumulative().doubleValue();
        api[p.month() - 1] += p.apiCumulative().doubleValue();
      }
    }
    List<String> x = new ArrayList<>();
    for (int i = 1; i <= n; i++) x.add("M" + i);
    return Chart.of("line", Unit.MONEY, "Cumulative cost by month, every class: own, rent, API").x(x)
        .series("Own (purchases up front)", boxed(buy)).series("Rent", boxed(rent)).series("API", boxed(api)).build();
  }

  private static List<Double> boxed(double[] a) {
    List<Double> out = new ArrayList<>(a.length);
    for (double v : a) out.add(v);
    return out;
  }

  /** The three inputs that move the monthly saving of owning over the API the most, each halved and 1.5x. */
  static List<Swing> swings(Views.Tco t) {
    Map<String, BigDecimal[]> by = new LinkedHashMap<>();
    for (SensitivityRow r : t.sensitivity()) {
      if (r.factor() != 0.5 && r.factor() != 1.5) continue;
      BigDecimal saving = r.api().subtract(r.buy());
      by.computeIfAbsent(r.input(), i -> new BigDecimal[2])[r.factor() == 0.5 ? 0 : 1] = saving;
    }
    List<Swing> all = new ArrayList<>();
    by.forEach((input, v) -> {
      if (v[0] != null && v[1] != null) all.add(new Swing(input, v[0], v[1]));
    });
    all.sort(Comparator.comparing((Swing s) -> s.high().subtract(s.low()).abs()).reversed());
    return all.subList(0, Math.min(3, all.size()));
  }

  private static Chart sensitivityChart(Views.Tco t, List<Swing> swings) {
    List<String> x = swings.stream().map(Swing::input).toList();
    double base = t.now().api().subtract(t.now().buy()).doubleValue();
    return Chart.of("hbar", Unit.MONEY, "Monthly saving of owning over the API with each input halved or 1.5x")
        .x(x).series("Input x0.5", swings.stream().map(s -> s.low().doubleValue()).toList())
        .series("Input x1.5", swings.stream().map(s -> s.high().doubleValue()).toList())
        .mark("as given", base).height("m").build();
  }

  private static Chart memory(Views.Capacity c) {
    List<String> x = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    List<Double> runtime = new ArrayList<>();
    List<Double> kv = new ArrayList<>();
    List<Double> free = new ArrayList<>();
    for (Views.Sizing s : c.sizings()) {
      if (s.replica() == null) continue;
      Views.Memory mem = s.replica().memoryPerGpu();
      x.add(s.modelClass() + " · TP" + s.replica().tensorParallel());
      weights.add(mem.weightsGib());
      runtime.add(mem.runtimeGib());
      kv.add(mem.kvCacheGib());
      free.add(mem.unusedGib());
    }
    return Chart.of("stacked", Unit.COUNT, "Memory of one GPU, GiB: weights, runtime, KV cache, left free").x(x)
        .series("Weights", weights).series("Runtime", runtime).series("KV cache", kv).series("Left free", free).build();
  }

  private static Chart growth(Views.Capacity c) {
    List<String> x = new ArrayList<>();
    for (GrowthPoint g : c.growth()) x.add("M" + g.month());
    Chart.Builder b = Chart.of("line", Unit.COUNT, "GPUs needed month by month at the recorded growth").x(x)
        .series("All classes", c.growth().stream().map(GrowthPoint::gpus).toList());
    for (Views.Sizing s : c.sizings()) {
      if (!s.served() || c.sizings().size() < 2) continue;
      b.series(s.modelClass(), s.growth().stream().map(GrowthPoint::gpus).toList());
    }
    return b.build();
  }
}
