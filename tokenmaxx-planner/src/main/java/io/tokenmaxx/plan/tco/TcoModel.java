package io.tokenmaxx.plan.tco;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares owning GPUs, renting them and staying on the API for a token volume, and finds where
 * the answer flips. Stateless and thread-safe.
 */
public final class TcoModel {
  /** Multipliers the sensitivity analysis applies to each input. */
  public static final List<Double> FACTORS = List.of(0.5, 0.75, 1.25, 1.5);
  /** Points of the cost-vs-volume curve. */
  static final int CURVE_POINTS = 61;

  public TcoResult compute(TcoInputs in) {
    CostModel m = model(in, 1, 1, 1, 1, 1);
    double s0 = in.volume().totalTokensPerMonth();
    MonthlyCosts now = MonthlyCosts.at(m, s0);
    List<MonthPoint> timeline = timeline(m, in);
    Double buyFirst = finite(m.firstBreakeven(m.buyIntercept(), m.buySlope()));
    Double buySustained = finite(m.sustainedBreakeven(m.buyIntercept(), m.buySlope()));
    Breakeven breakeven = new Breakeven(buyFirst, buySustained,
        finite(m.firstBreakeven(m.rentIntercept(), 0)), finite(m.sustainedBreakeven(m.rentIntercept(), 0)),
        firstMonth(timeline, true), firstMonth(timeline, false), buyVsRentMonths(m, s0));
    List<MonthlyCosts> curve = curve(m, s0, buyFirst, buySustained);
    List<SensitivityRow> sensitivity = sensitivity(in);
    return new TcoResult(in, now, breakeven, curve, timeline, sensitivity, notes(in, now, breakeven));
  }

  private static CostModel model(TcoInputs in, double price, double api, double throughput, double peak, double energy) {
    return new CostModel(in, price, api, throughput, peak, energy);
  }

  /** Volumes from well below the current one (and the breakeven) to well above, geometric. */
  private static List<MonthlyCosts> curve(CostModel m, double s0, Double first, Double sustained) {
    double lo = s0;
    double hi = s0;
    for (Double v : new Double[] {first, sustained}) {
      if (v != null) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    lo /= 10;
    hi *= 10;
    List<MonthlyCosts> out = new ArrayList<>(CURVE_POINTS);
    double step = Math.pow(hi / lo, 1.0 / (CURVE_POINTS - 1));
    for (int i = 0; i < CURVE_POINTS; i++) out.add(MonthlyCosts.at(m, lo * Math.pow(step, i)));
    return out;
  }

  /** Month by month with growth; owned GPUs are bought when needed and kept. */
  static List<MonthPoint> timeline(CostModel m, TcoInputs in) {
    List<MonthPoint> out = new ArrayList<>(in.horizonMonths());
    walk(m, in, (month, s, owned, need, buy, rent, api, cumBuy, cumRent, cumApi) -> {
      out.add(new MonthPoint(month, s, owned, need, Money.usd(buy), Money.usd(rent), Money.usd(api),
          Money.usd(cumBuy), Money.usd(cumRent), Money.usd(cumApi)));
      return false;
    });
    return out;
  }

  /** First month in which cumulative owning cash is at most the cumulative API bill, or null. */
  static Integer buyVsApiMonth(CostModel m, TcoInputs in) {
    int[] found = {0};
    walk(m, in, (month, s, owned, need, buy, rent, api, cumBuy, cumRent, cumApi) -> {
      if (Money.usd(cumBuy).compareTo(Money.usd(cumApi)) <= 0) {
        found[0] = month;
        return true;
      }
      return false;
    });
    return found[0] == 0 ? null : found[0];
  }

  private interface MonthVisitor {
    /** Returns true to stop. */
    boolean visit(int month, double tokens, int owned, int need, double buy, double rent, double api,
        double cumBuy, double cumRent, double cumApi);
  }

  private static void walk(CostModel m, TcoInputs in, MonthVisitor v) {
    double s0 = in.volume().totalTokensPerMonth();
    int owned = 0;
    double cumBuy = 0;
    double cumRent = 0;
    double cumApi = 0;
    for (int month = 1; month <= in.horizonMonths(); month++) {
      double s = s0 * Math.pow(1 + in.volume().monthlyGrowth(), month - 1);
      int need = m.gpus(s);
      int bought = Math.max(0, need - owned);
      owned += bought;
      double load = owned == 0 ? 0 : Math.min(1, s * m.k0 / ((double) owned / m.tp));
      double buy = bought * m.purchasePerGpu
          + owned * (m.hostingPerGpu + m.idlePowerPerGpu + m.buyPowerSlope * load);
      double rent = m.rent(s);
      double api = m.api(s);
      cumBuy += buy;
      cumRent += rent;
      cumApi += api;
      if (v.visit(month, s, owned, need, buy, rent, api, cumBuy, cumRent, cumApi)) return;
    }
  }

  private static Integer firstMonth(List<MonthPoint> timeline, boolean buy) {
    for (MonthPoint p : timeline) {
      if ((buy ? p.buyCumulative() : p.rentCumulative()).compareTo(p.apiCumulative()) <= 0) return p.month();
    }
    return null;
  }

  /** Months until a GPU's purchase is paid back by not renting it: price / (rent - running costs). */
  private static Double buyVsRentMonths(CostModel m, double s) {
    double running = m.hostingPerGpu + m.idlePowerPerGpu + m.buyPowerSlope * m.load(s);
    double saving = m.rentPerGpu - running;
    return saving <= 0 ? null : m.purchasePerGpu / saving;
  }

  private static List<SensitivityRow> sensitivity(TcoInputs in) {
    List<SensitivityRow> rows = new ArrayList<>();
    rows.add(row(in, "as given", 1, model(in, 1, 1, 1, 1, 1)));
    for (double f : FACTORS) rows.add(row(in, "GPU purchase price", f, model(in, f, 1, 1, 1, 1)));
    for (double f : FACTORS) rows.add(row(in, "API price", f, model(in, 1, f, 1, 1, 1)));
    for (double f : FACTORS) rows.add(row(in, "throughput per GPU", f, model(in, 1, 1, f, 1, 1)));
    for (double f : FACTORS) rows.add(row(in, "peak-to-average load", f, model(in, 1, 1, 1, f, 1)));
    for (double f : FACTORS) rows.add(row(in, "energy price", f, model(in, 1, 1, 1, 1, f)));
    return rows;
  }

  private static SensitivityRow row(TcoInputs in, String input, double factor, CostModel m) {
    MonthlyCosts c = MonthlyCosts.at(m, in.volume().totalTokensPerMonth());
    return new SensitivityRow(input, factor, c.buy(), c.rent(), c.api(), c.cheapest(),
        finite(m.firstBreakeven(m.buyIntercept(), m.buySlope())), buyVsApiMonth(m, in));
  }

  private static List<String> notes(TcoInputs in, MonthlyCosts now, Breakeven b) {
    List<String> notes = new ArrayList<>();
    notes.add(String.format(Locale.ROOT,
        "At %s tokens/month: owning $%,.0f/month (%d GPUs, %.0f %% average load), renting $%,.0f, "
            + "the API $%,.0f; cheapest: %s.",
        Volumes.human(now.tokensPerMonth()), now.buy(), now.gpus(), now.load() * 100, now.rent(), now.api(),
        now.cheapest().name().toLowerCase(Locale.ROOT)));
    if (b.buyFirstTokensPerMonth() == null) {
      notes.add("Owning never beats the API at these prices: a fully used replica costs more than the API charges for its tokens.");
    } else {
      notes.add(String.format(Locale.ROOT, "Owning beats the API from %s tokens/month%s.",
          Volumes.human(b.buyFirstTokensPerMonth()),
          b.buySustainedTokensPerMonth() == null
              ? " (but not for good: just past each added replica the API is cheaper again)"
              : b.buySustainedTokensPerMonth() > b.buyFirstTokensPerMonth() * 1.001
                  ? " and for good from " + Volumes.human(b.buySustainedTokensPerMonth()) : ""));
    }
    if (b.buyVsApiMonth() != null) {
      notes.add("Cumulatively, owning has cost less than the API by month " + b.buyVsApiMonth() + ".");
    } else {
      notes.add("Cumulatively, owning does not catch up with the API within " + in.horizonMonths() + " months.");
    }
    notes.add("Not included: resale value of the GPUs, redundancy beyond the headroom, engineering time to "
        + "migrate, and API discounts (batch, committed use).");
    return notes;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
