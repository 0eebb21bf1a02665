package io.tokenmaxx.analyze.page;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Where the money goes, what the prompt cache saved, how spend compares with people's loaded cost,
 * and where the month is heading.
 *
 * @param period          the range
 * @param suppressed      the filtered population is below k (non-admins): totals withheld
 * @param total           effective cost, period vs previous
 * @param unpricedRecords records with no cost at all
 * @param byModel         spend per model
 * @param byProvider      spend per provider
 * @param byTool          spend per tool
 * @param byTeam          spend per team (teams below k suppressed)
 * @param daily           spend per day
 * @param cacheSavings    what cache reads saved against paying the input price
 * @param loadedCost      spend as a share of annual loaded cost: people and teams, as distributions
 * @param forecast        month to date and a forecast of the month of {@code period.to}
 */
public record SpendPage(
    Period period,
    boolean suppressed,
    MoneyTrend total,
    Long unpricedRecords,
    List<MixRow> byModel,
    List<MixRow> byProvider,
    List<MixRow> byTool,
    List<MixRow> byTeam,
    List<DailySpend> daily,
    CacheSavings cacheSavings,
    LoadedCost loadedCost,
    Forecast forecast) {

  public record DailySpend(LocalDate date, BigDecimal cost, long tokens) {}

  /**
   * @param cacheReadTokens tokens served from the prompt cache
   * @param saved           cache-read tokens x (input price - cache-read price), over priced models
   * @param method          how it was computed
   * @param byModel         per model
   * @param unpricedModels  models with cache reads but no known price (not in {@code saved})
   */
  public record CacheSavings(long cacheReadTokens, BigDecimal saved, String method,
      List<ModelSavings> byModel, List<String> unpricedModels) {}

  /** Cache savings of one model ({@code saved} null when it has no price). */
  public record ModelSavings(String model, long cacheReadTokens, BigDecimal saved) {}

  /**
   * @param benchmark      expected share (e.g. 0.5)
   * @param method         how shares are computed
   * @param people         distribution of per-person shares (people with usage and a loaded cost)
   * @param peopleAbove    people at or above the benchmark
   * @param teams          per team
   * @param teamDistribution distribution of per-team shares
   */
  public record LoadedCost(double benchmark, String method, Distribution people, Long peopleAbove,
      List<TeamShare> teams, Distribution teamDistribution) {}

  /** One team's spend against its members' loaded cost. */
  public record TeamShare(String team, String name, Integer people, SpendShare share) {}

  /**
   * @param month         the month, {@code yyyy-MM}
   * @param asOf          last day counted (period.to)
   * @param monthToDate   spend from the 1st to asOf
   * @param forecast      monthToDate + the expected spend of the remaining days
   * @param weekdayRates  average spend per weekday over the 4 weeks before asOf (Monday first)
   * @param method        how the forecast is made
   */
  public record Forecast(String month, LocalDate asOf, BigDecimal monthToDate, BigDecimal forecast,
      List<BigDecimal> weekdayRates, String method) {}
}
