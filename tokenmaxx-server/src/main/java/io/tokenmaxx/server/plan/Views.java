package io.tokenmaxx.server.plan;

import io.tokenmaxx.plan.Fit;
import io.tokenmaxx.plan.Limiter;
import io.tokenmaxx.plan.MemoryBreakdown;
import io.tokenmaxx.plan.ThroughputEstimate;
import io.tokenmaxx.plan.Units;
import io.tokenmaxx.plan.capacity.GrowthPoint;
import io.tokenmaxx.plan.capacity.ModelDemand;
import io.tokenmaxx.plan.capacity.Rates;
import io.tokenmaxx.plan.catalog.ApiPrice;
import io.tokenmaxx.plan.tco.Breakeven;
import io.tokenmaxx.plan.tco.MonthPoint;
import io.tokenmaxx.plan.tco.MonthlyCosts;
import io.tokenmaxx.plan.tco.Option;
import io.tokenmaxx.plan.tco.SelfHostCosts;
import io.tokenmaxx.plan.tco.SensitivityRow;
import io.tokenmaxx.plan.tco.TokenVolume;
import java.math.BigDecimal;
import java.util.List;

/** What the plan API returns and the page renders (flat records, so the OpenAPI document can list them). */
public final class Views {
  private Views() {}

  /** Where one GPU's memory goes, GiB. */
  public record Memory(double totalGib, double weightsGib, double runtimeGib, double kvCacheGib, double unusedGib,
      long kvTokenCapacity) {
    static Memory of(MemoryBreakdown m) {
      return new Memory(m.totalBytes() / Units.GIB, m.weightBytes() / Units.GIB, m.runtimeBytes() / Units.GIB,
          m.kvCacheBytes() / Units.GIB, m.unusedBytes() / Units.GIB, m.kvTokenCapacity());
    }
  }

  /** What one replica delivers at maximum load for a class's traffic. */
  public record Replica(String model, String gpu, int tensorParallel, String weights, String kvCache, int inputLength,
      int outputLength, double cachedInputShare, Fit fit, Limiter limiter, int batch, int kvLimitedBatch,
      double outputTokensPerSecond, double outputTokensPerSecondPerGpu, double inputTokensPerSecond, double ttftMs,
      double itlMs, Memory memoryPerGpu, List<String> notes) {
    static Replica of(ThroughputEstimate e) {
      return new Replica(e.deployment().model().name(), e.deployment().gpu().name(), e.gpus(),
          e.deployment().weights().id(), e.deployment().kvCache().id(), e.workload().inputTokens(),
          e.workload().outputTokens(), e.workload().cachedInputFraction(), e.fit(), e.limiter(), e.concurrency(),
          e.kvLimitedConcurrency(), e.outputTokensPerSecond(), e.outputTokensPerSecondPerGpu(),
          e.inputTokensPerSecond(), e.ttftSeconds() * 1000, e.itlSeconds() * 1000, Memory.of(e.memory()), e.notes());
    }

    public boolean kvStarved() {
      return fit == Fit.KV_STARVED;
    }
  }

  /** GPUs for one class. */
  public record Sizing(String modelClass, String model, boolean served, int replicas, int gpus, String sizedBy,
      Rates utilization, Replica replica, List<GrowthPoint> growth, List<String> notes) {}

  /**
   * GPUs for the whole demand.
   *
   * @param demand the demand sized, per class (after the what-ifs)
   */
  public record Capacity(List<ModelDemand> demand, String gpu, String weights, int tensorParallel, double headroom,
      String sizeFor, Double ttftTargetMs, Double itlTargetMs, List<Sizing> sizings, int totalGpus,
      List<GrowthPoint> growth, boolean allServed) {}

  /** Owning versus renting versus the API for one class. */
  public record Tco(String modelClass, boolean served, String error, Replica replica, SelfHostCosts costs, ApiPrice api,
      TokenVolume volume, double headroom, MonthlyCosts now, Option cheapest, Breakeven breakeven,
      List<MonthlyCosts> curve, List<MonthPoint> timeline, List<SensitivityRow> sensitivity, List<String> notes) {}

  /** Every class together, per month at today's volume, and the first month owning has cost no more than the API in all. */
  public record TcoTotals(BigDecimal buy, BigDecimal rent, BigDecimal api, int gpus, Option cheapest,
      Integer buyVsApiMonth, Integer rentVsApiMonth, int horizonMonths) {}

  /**
   * The cost comparison.
   *
   * @param demand the demand compared, per class (after the what-ifs)
   */
  public record Costs(List<ModelDemand> demand, List<Tco> classes, TcoTotals total) {}
}
