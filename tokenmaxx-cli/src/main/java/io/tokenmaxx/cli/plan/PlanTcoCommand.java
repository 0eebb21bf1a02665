package io.tokenmaxx.cli.plan;

import io.tokenmaxx.plan.Deployment;
import io.tokenmaxx.plan.LatencyTargets;
import io.tokenmaxx.plan.ModelSpec;
import io.tokenmaxx.plan.Planner;
import io.tokenmaxx.plan.ThroughputEstimate;
import io.tokenmaxx.plan.Workload;
import io.tokenmaxx.plan.capacity.CapacityPlanner;
import io.tokenmaxx.plan.capacity.DemandReader;
import io.tokenmaxx.plan.capacity.ModelDemand;
import io.tokenmaxx.plan.catalog.ApiPrice;
import io.tokenmaxx.plan.catalog.Catalog;
import io.tokenmaxx.plan.tco.Breakeven;
import io.tokenmaxx.plan.tco.MonthlyCosts;
import io.tokenmaxx.plan.tco.SelfHostCosts;
import io.tokenmaxx.plan.tco.SensitivityRow;
import io.tokenmaxx.plan.tco.TcoInputs;
import io.tokenmaxx.plan.tco.TcoModel;
import io.tokenmaxx.plan.tco.TcoResult;
import io.tokenmaxx.plan.tco.TokenVolume;
import io.tokenmaxx.plan.tco.Volumes;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tokenmaxx plan tco}: owning versus renting versus the API, and the breakeven. */
@Command(name = "tco", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Compare owning GPUs, renting them and staying on the API for a monthly token volume: "
        + "monthly costs, breakeven volume and month, and how the answer moves with the inputs that matter most.",
    footer = {"", "Examples:",
        "  tokenmaxx plan tco --model Llama-3.3-70B --gpu H100 --input-tokens 20B --output-tokens 2B --api claude-sonnet-4-5",
        "  tokenmaxx plan tco --demand demand.json --gpu H200 --gpu-price 38000 --energy-price 0.09",
        "  tokenmaxx plan tco --server http://localhost:8420 --token-file read-token --gpu H100 --class mid"})
public final class PlanTcoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--demand", paramLabel = "FILE",
      description = "Demand profile JSON: one comparison per class (monthly volume as recorded, else the p50 rate all month; "
          + "peak-to-average from the peak rate).")
  Path demandFile;

  @Option(names = "--model", paramLabel = "NAME",
      description = "Model to self-host (without --demand; with --server it replaces every class's model).")
  String model;

  @Mixin
  RemoteDemand remote;

  @Mixin
  DeploymentOptions deployment;

  @Option(names = "--tp", paramLabel = "N", defaultValue = "0",
      description = "GPUs per replica; 0 picks the degree with the most tokens/s per GPU (default: ${DEFAULT-VALUE}).")
  int tp;

  @Option(names = "--isl", paramLabel = "TOKENS", defaultValue = "2000", description = "Mean input length (default: ${DEFAULT-VALUE}).")
  int isl;

  @Option(names = "--osl", paramLabel = "TOKENS", defaultValue = "400", description = "Mean output length (default: ${DEFAULT-VALUE}).")
  int osl;

  @Option(names = "--input-tokens", paramLabel = "TOKENS", converter = Amounts.Tokens.class,
      description = "Input tokens per month, cache hits included (e.g. 20B).")
  Double inputTokens;

  @Option(names = "--output-tokens", paramLabel = "TOKENS", converter = Amounts.Tokens.class,
      description = "Output tokens per month (e.g. 2B).")
  Double outputTokens;

  @Option(names = "--cache-share", paramLabel = "SHARE", converter = Amounts.Share.class,
      description = "Share of input tokens that are cache hits (default: 0, or as recorded).")
  Double cacheShare;

  @Option(names = "--peak-to-average", paramLabel = "X", defaultValue = "3",
      description = "Busiest minute over the monthly average (default: ${DEFAULT-VALUE}); GPUs are sized for the peak.")
  double peakToAverage;

  @Option(names = "--growth", paramLabel = "SHARE", converter = Amounts.Share.class,
      description = "Volume growth per month (default: 0, or as recorded).")
  Double growth;

  @Option(names = "--horizon", paramLabel = "MONTHS", defaultValue = "36", description = "Months of the cumulative comparison (default: ${DEFAULT-VALUE}).")
  int horizon;

  @Option(names = "--headroom", paramLabel = "SHARE", converter = Amounts.Share.class, defaultValue = "0.2",
      description = "Spare capacity over the peak (default: 20%%).")
  double headroom;

  @Option(names = "--ttft-ms", paramLabel = "MS", description = "Time-to-first-token target.")
  Double ttftMs;

  @Option(names = "--itl-ms", paramLabel = "MS", description = "Inter-token latency target.")
  Double itlMs;

  @Option(names = "--api", paramLabel = "NAME",
      description = "API to compare with, from the price catalog (default: the demand's api_model, else hosted/MODEL).")
  String api;

  @Option(names = "--api-input-price", paramLabel = "USD", converter = Amounts.Usd.class, description = "API price per million input tokens.")
  BigDecimal apiInput;

  @Option(names = "--api-output-price", paramLabel = "USD", converter = Amounts.Usd.class, description = "API price per million output tokens.")
  BigDecimal apiOutput;

  @Option(names = "--api-cached-price", paramLabel = "USD", converter = Amounts.Usd.class, description = "API price per million cached input tokens.")
  BigDecimal apiCached;

  @Option(names = "--gpu-price", paramLabel = "USD", converter = Amounts.Usd.class,
      description = "Purchase price per GPU with its server share (default: from the GPU catalog).")
  BigDecimal gpuPrice;

  @Option(names = "--rent-price", paramLabel = "USD", converter = Amounts.Usd.class,
      description = "Rental price per GPU-hour (default: from the GPU catalog).")
  BigDecimal rentPrice;

  @Option(names = "--years", paramLabel = "N", defaultValue = "3", description = "Amortization years (default: ${DEFAULT-VALUE}).")
  double years;

  @Option(names = "--hosting", paramLabel = "USD", converter = Amounts.Usd.class, defaultValue = "4000",
      description = "Hosting and operations per GPU-year, power excluded (default: ${DEFAULT-VALUE}).")
  BigDecimal hosting;

  @Option(names = "--energy-price", paramLabel = "USD", converter = Amounts.Usd.class, defaultValue = "0.12",
      description = "Electricity per kWh (default: ${DEFAULT-VALUE}).")
  BigDecimal energyPrice;

  @Option(names = "--pue", paramLabel = "X", defaultValue = "1.3", description = "Data-centre PUE (default: ${DEFAULT-VALUE}).")
  double pue;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() throws Exception {
    Catalog c = common.catalog();
    Planner planner = common.planner();
    List<TcoResult> results = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    boolean profile = demandFile != null || remote.active();
    if (demandFile != null && remote.active()) {
      throw new ParameterException(spec.commandLine(), "give --demand FILE or --server, not both");
    }
    if (profile) {
      List<ModelDemand> demands = demandFile != null ? DemandReader.read(demandFile).demands()
          : remote.fetch().demands().stream().map(d -> RemoteDemand.override(d, model, null, null, null, null, null,
              cacheShare, growth)).toList();
      for (ModelDemand d : demands) {
        labels.add(d.modelClass());
        results.add(compare(c, planner, c.model(d.model()), CapacityPlanner.workload(d), volume(d), d.apiModel()));
      }
    } else {
      if (model == null || inputTokens == null || outputTokens == null) {
        throw new ParameterException(spec.commandLine(),
            "give --server URL (recorded demand), --demand FILE, or --model, --input-tokens and --output-tokens");
      }
      labels.add(model);
      double share = cacheShare == null ? 0 : cacheShare;
      TokenVolume v = new TokenVolume(inputTokens, outputTokens, share, peakToAverage, growth == null ? 0 : growth);
      results.add(compare(c, planner, c.model(model), new Workload(isl, osl, share), v, null));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (common.json) {
      List<Map<String, Object>> views = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) views.add(json(labels.get(i), results.get(i)));
      Json.print(out, profile ? views : views.get(0));
    } else {
      for (int i = 0; i < results.size(); i++) {
        if (i > 0) out.println();
        print(out, labels.get(i), results.get(i));
      }
    }
    out.flush();
    return 0;
  }

  private static TokenVolume volume(ModelDemand d) {
    return new TokenVolume(d.monthlyInputTokens(), d.monthlyOutputTokens(), d.cacheShare(), d.peakToAverage(),
        d.monthlyGrowth());
  }

  private TcoResult compare(Catalog c, Planner planner, ModelSpec m, Workload w, TokenVolume v, String demandApi) {
    var gpu = c.gpu(deployment.gpu);
    LatencyTargets targets = LatencyTargets.ofMillis(ttftMs, itlMs);
    ThroughputEstimate best = null;
    List<Integer> degrees = new ArrayList<>();
    if (tp > 0) {
      degrees.add(tp);
    } else {
      for (int t = 1; t <= 8 && m.attentionHeads() % t == 0; t *= 2) degrees.add(t);
    }
    ThroughputEstimate last = null;
    for (int t : degrees) {
      ThroughputEstimate e = planner.throughput(new Deployment(m, gpu, t, deployment.weights(), deployment.kvCache()), w, targets);
      last = e;
      if (e.serves() && (best == null || e.outputTokensPerSecondPerGpu() > best.outputTokensPerSecondPerGpu())) best = e;
    }
    if (best == null) {
      throw new IllegalArgumentException(m.name() + " cannot be served on " + gpu.name() + " at TP " + degrees + ": "
          + String.join(" ", last.notes()));
    }
    SelfHostCosts costs = new SelfHostCosts(gpuPrice != null ? gpuPrice : gpu.purchasePriceUsd(), years, hosting,
        energyPrice, pue, SelfHostCosts.DEFAULT_IDLE_POWER_FRACTION, rentPrice != null ? rentPrice : gpu.rentalUsdPerHour(),
        gpuPrice != null || rentPrice != null ? "given" : gpu.priceSource() + " (" + gpu.priceAsOf() + ")");
    return new TcoModel().compute(new TcoInputs(best, costs, apiPrice(c, m, demandApi), v, headroom, horizon));
  }

  private ApiPrice apiPrice(Catalog c, ModelSpec m, String demandApi) {
    ApiPrice base = null;
    String name = api != null ? api : demandApi;
    if (name != null) {
      base = c.apiPrice(name);
    } else if (apiInput == null || apiOutput == null) {
      try {
        base = c.apiPrice("hosted/" + m.name());
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "no API price for " + m.name()
            + ": give --api NAME (see `tokenmaxx plan catalog`) or --api-input-price and --api-output-price");
      }
    }
    if (apiInput == null && apiOutput == null && apiCached == null) return base;
    BigDecimal in = apiInput != null ? apiInput : base.inputPerMillion();
    BigDecimal out = apiOutput != null ? apiOutput : base.outputPerMillion();
    BigDecimal cached = apiCached != null ? apiCached : base == null ? null : base.cachedInputPerMillion();
    return new ApiPrice(base == null ? "given" : base.name() + " (prices given)", base == null ? "" : base.provider(),
        in, out, cached, "given", "");
  }

  static void print(PrintWriter out, String label, TcoResult r) {
    TcoInputs in = r.inputs();
    ThroughputEstimate e = in.replica();
    ApiPrice api = in.api();
    TokenVolume v = in.volume();
    out.printf(Locale.ROOT, "%s: self-host %s vs API %s%n", label, PlanThroughputCommand.title(e), api.name());
    out.printf(Locale.ROOT, "Volume: %s input + %s output tokens/month%s, peak %.1fx average, growth %s/month, %s headroom%n",
        Volumes.human(v.inputTokensPerMonth()), Volumes.human(v.outputTokensPerMonth()),
        v.cachedInputShare() > 0 ? " (" + Fmt.pct(v.cachedInputShare()) + " of input cached)" : "", v.peakToAverage(),
        Fmt.pct(v.monthlyGrowth()), Fmt.pct(in.headroom()));
    out.printf(Locale.ROOT, "Replica: %d GPU(s), %s output tokens/s at maximum load (batch %d)%n", e.gpus(),
        Fmt.n(e.outputTokensPerSecond()), e.concurrency());
    MonthlyCosts now = r.now();
    out.println();
    out.println("Per month at this volume");
    Table t = new Table("option", ">USD/month", ">GPUs", "what");
    t.row("buy", Fmt.usd(now.buy()), now.gpus(), String.format(Locale.ROOT,
        "%s amortized over %s years + %s hosting + %s power; %s average load",
        Fmt.usd(now.buyAmortization()), trim(in.costs().amortizationYears()), Fmt.usd(now.buyHosting()),
        Fmt.usd(now.buyPower()), Fmt.pct(now.load())));
    t.row("rent", Fmt.usd(now.rent()), now.gpus(), "$" + in.costs().rentalPerGpuHour().toPlainString() + " per GPU-hour, around the clock");
    t.row("API", Fmt.usd(now.api()), "-", String.format(Locale.ROOT, "$%s in / $%s cached / $%s out per million",
        api.inputPerMillion().toPlainString(), api.cachedInputPerMillion().toPlainString(), api.outputPerMillion().toPlainString()));
    t.print(out, "  ");
    out.println("  cheapest: " + Fmt.label(now.cheapest()));
    Breakeven b = r.breakeven();
    out.println();
    out.println("Breakeven");
    out.println("  owning beats the API from:   " + volume(b.buyFirstTokensPerMonth(), b.buySustainedTokensPerMonth()));
    out.println("  renting beats the API from:  " + volume(b.rentFirstTokensPerMonth(), b.rentSustainedTokensPerMonth()));
    out.println("  cumulative, owning overtakes the API in:  " + month(b.buyVsApiMonth(), in.horizonMonths()));
    out.println("  cumulative, renting overtakes the API in: " + month(b.rentVsApiMonth(), in.horizonMonths()));
    out.println("  a bought GPU pays back against renting after: "
        + (b.buyVsRentMonths() == null ? "never" : String.format(Locale.ROOT, "%.1f months", b.buyVsRentMonths())));
    out.println();
    out.println("Sensitivity (one input changed, all else as given)");
    Table s = new Table("input", ">x", ">buy/month", ">rent/month", ">API/month", "cheapest", ">owning wins from", ">cumulative month");
    for (SensitivityRow row : r.sensitivity()) {
      s.row(row.input(), trim(row.factor()), Fmt.usd(row.buy()), Fmt.usd(row.rent()), Fmt.usd(row.api()),
          Fmt.label(row.cheapest()), row.buyFirstTokensPerMonth() == null ? "never" : Volumes.human(row.buyFirstTokensPerMonth()),
          row.buyVsApiMonth() == null ? "-" : row.buyVsApiMonth());
    }
    s.print(out, "  ");
    out.println();
    out.println("Notes:");
    for (String n : r.notes()) out.println("  - " + n);
    out.println("  - GPU prices: " + in.costs().source());
    out.println("  - API price: " + api.source() + (api.asOf().isEmpty() ? "" : " (" + api.asOf() + ")"));
  }

  private static String volume(Double first, Double sustained) {
    if (first == null) return "never at these prices";
    String s = Volumes.human(first) + " tokens/month";
    if (sustained != null && sustained > first * 1.001) s += " (for good from " + Volumes.human(sustained) + ")";
    return s;
  }

  private static String month(Integer m, int horizon) {
    return m == null ? "not within " + horizon + " months" : "month " + m;
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  static Map<String, Object> json(String label, TcoResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    TcoInputs in = r.inputs();
    m.put("label", label);
    m.put("replica", Json.estimate(in.replica()));
    m.put("costs", in.costs());
    m.put("api", in.api());
    m.put("volume", in.volume());
    m.put("headroom", in.headroom());
    m.put("now", r.now());
    m.put("cheapest", r.now().cheapest());
    m.put("breakeven", r.breakeven());
    m.put("curve", r.curve());
    m.put("timeline", r.timeline());
    m.put("sensitivity", r.sensitivity());
    m.put("notes", r.notes());
    return m;
  }
}
