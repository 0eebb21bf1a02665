package io.tokenmaxx.server.gateway;

import io.tokenmaxx.gateway.budget.Budget;
import io.tokenmaxx.gateway.budget.Budgets;
import io.tokenmaxx.gateway.route.Savings;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** What the gateway API returns (records, so the OpenAPI document describes them by reflection). */
public final class GatewaySchema {
  private GatewaySchema() {}

  /**
   * A budget and its consumption in the window containing now.
   *
   * @param percent consumed as a share of the limit, in percent (may pass 100 by what requests in flight used)
   */
  public record BudgetView(String id, String scope, String unit, String period, BigDecimal limit, BigDecimal consumed,
      BigDecimal reserved, double percent, Instant windowStart, Instant windowEnd) {

    static BudgetView of(Budgets.Status s) {
      Budget b = s.budget();
      BigDecimal consumed = s.consumption().consumed().stripTrailingZeros();
      double pct = consumed.multiply(BigDecimal.valueOf(100)).divide(b.limit(), MathContext.DECIMAL64).doubleValue();
      return new BudgetView(b.id(), b.scope().toString(), b.metric() == Budget.Metric.USD ? "usd" : "tokens",
          b.period().name().toLowerCase(Locale.ROOT), b.limit(), consumed,
          s.consumption().reserved().stripTrailingZeros(), pct, s.window().start(), s.window().end());
    }
  }

  public record BudgetList(List<BudgetView> budgets) {}

  /** The cascade savings table of a date range (inclusive, in the organization's zone). */
  public record SavingsTable(LocalDate from, LocalDate to, List<Savings.Row> rows) {}

  /** What {@code POST /api/v1/gateway/records} kept and refused (line numbers from 1). */
  /** Routing decisions, newest first ({@code limit} of them at most). */
  public record RoutingList(Instant from, Instant to, int limit, List<io.tokenmaxx.metering.RoutingDecision> requests) {}

  public record RecordsAccepted(int accepted, List<Refused> refused) {}

  public record Refused(int line, String error) {}

  /** A gateway key as a standalone gateway needs it (never its secret). */
  public record KeyView(String id, String person, String team, String description, Instant created, Instant revoked,
      String strategy, List<String> models) {}
}
