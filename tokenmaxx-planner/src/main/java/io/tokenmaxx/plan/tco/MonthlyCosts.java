package io.tokenmaxx.plan.tco;

import java.math.BigDecimal;

/**
 * Costs per month at one token volume, USD.
 *
 * @param tokensPerMonth  input + output tokens per month
 * @param gpus            GPUs sized for its peak
 * @param load            average share of their capacity in use
 * @param buyAmortization purchase written off per month
 * @param buyHosting      hosting and operations per month
 * @param buyPower        electricity per month (idle draw plus load, times PUE)
 * @param buy             owning: the three above
 * @param rent            renting the same GPUs around the clock
 * @param api             the same tokens on the API
 */
public record MonthlyCosts(
    double tokensPerMonth,
    int gpus,
    double load,
    BigDecimal buyAmortization,
    BigDecimal buyHosting,
    BigDecimal buyPower,
    BigDecimal buy,
    BigDecimal rent,
    BigDecimal api) {

  static MonthlyCosts at(CostModel m, double s) {
    int gpus = m.gpus(s);
    return new MonthlyCosts(s, gpus, m.load(s), Money.usd(gpus * m.amortPerGpu), Money.usd(gpus * m.hostingPerGpu),
        Money.usd(m.power(s)), Money.usd(m.buy(s)), Money.usd(m.rent(s)), Money.usd(m.api(s)));
  }

  /** The cheapest of owning, renting and the API. */
  public Option cheapest() {
    if (buy.compareTo(rent) <= 0 && buy.compareTo(api) <= 0) return Option.BUY;
    return rent.compareTo(api) <= 0 ? Option.RENT : Option.API;
  }
}
