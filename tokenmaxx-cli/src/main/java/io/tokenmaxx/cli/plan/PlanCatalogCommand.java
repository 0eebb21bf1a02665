package io.tokenmaxx.cli.plan;

import io.tokenmaxx.plan.GpuSpec;
import io.tokenmaxx.plan.ModelSpec;
import io.tokenmaxx.plan.catalog.ApiPrice;
import io.tokenmaxx.plan.catalog.Catalog;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tokenmaxx plan catalog}: the models, GPUs and API prices the planner knows. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
    description = "List the models, GPUs and API prices the planner knows (built-in plus --catalog FILE).")
public final class PlanCatalogCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    Catalog c = common.catalog();
    PrintWriter out = spec.commandLine().getOut();
    if (common.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("models", c.models());
      m.put("gpus", c.gpus());
      m.put("api_prices", c.apiPrices());
      Json.print(out, m);
      out.flush();
      return 0;
    }
    out.println("Models");
    Table t = new Table("name", ">params", ">active", ">layers", ">hidden", ">heads/kv", ">context");
    for (ModelSpec m : c.models()) {
      t.row(m.name(), b(m.totalParams()), b(m.activeParams()), m.layers(), m.hiddenSize(),
          m.attentionHeads() + "/" + (m.hasLatentKv() ? "MLA" : m.kvHeads()), Fmt.n(m.maxContext()));
    }
    t.print(out, "  ");
    out.println();
    out.println("GPUs (prices are assumptions; see the catalog file)");
    Table g = new Table("name", ">memory", ">TB/s", ">BF16 TFLOP/s", ">FP8 TFLOP/s", ">TDP W", ">buy USD", ">rent USD/h", "as of");
    for (GpuSpec x : c.gpus()) {
      g.row(x.name(), String.format(Locale.ROOT, "%.1f GiB", x.memoryGiB()), x.memoryBandwidthTBps(), Fmt.n1(x.bf16Tflops()),
          x.hasFp8() ? Fmt.n1(x.fp8Tflops()) : "-", Fmt.n(x.tdpWatts()), Fmt.usd(x.purchasePriceUsd()),
          x.rentalUsdPerHour().toPlainString(), x.priceAsOf());
    }
    g.print(out, "  ");
    out.println();
    out.println("API prices (USD per million tokens)");
    Table a = new Table("name", ">input", ">cached", ">output", "as of");
    for (ApiPrice p : c.apiPrices()) {
      a.row(p.name(), p.inputPerMillion().toPlainString(), p.cachedInputPerMillion().toPlainString(),
          p.outputPerMillion().toPlainString(), p.asOf());
    }
    a.print(out, "  ");
    out.flush();
    return 0;
  }

  private static String b(long params) {
    return String.format(Locale.ROOT, "%.1fB", params / 1e9);
  }
}
