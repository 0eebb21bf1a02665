package io.tokenmaxx.gateway.budget;

import io.tokenmaxx.metering.BudgetLedger;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces budgets and rate limits: reserve on start, settle on finish. A request is admitted only
 * while every budget it counts against has consumed plus reserved below its limit, and it reserves
 * its estimate there, so concurrent requests see each other's reservations: a budget can be
 * overspent only by what requests already in flight use beyond their estimates. Settling releases
 * the reservation, books what was used, and raises an alert for each of 50, 80 and 100 % the
 * settlement crossed.
 */
public final class Budgets {
  private static final int[] THRESHOLDS = {50, 80, 100};
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final Map<BudgetScope, List<Budget>> budgets = new HashMap<>();
  private final Map<BudgetScope, RateLimit> limits = new HashMap<>();
  private final Map<String, RateLimiter.Bucket> buckets = new ConcurrentHashMap<>();
  private final BudgetLedger ledger;
  private final AlertSink alerts;
  private final Clock clock;
  private final ZoneId zone;
  private final DayOfWeek weekStart;

  public Budgets(List<Budget> budgets, List<RateLimit> limits, BudgetLedger ledger, AlertSink alerts,
      Clock clock, ZoneId zone, DayOfWeek weekStart) {
    for (Budget b : budgets) this.budgets.computeIfAbsent(b.scope(), s -> new ArrayList<>()).add(b);
    for (RateLimit l : limits) this.limits.put(l.scope(), l);
    this.ledger = ledger;
    this.alerts = alerts;
    this.clock = clock;
    this.zone = zone;
    this.weekStart = weekStart;
  }

  /** True when nothing is configured (requests skip all bookkeeping). */
  public boolean none() {
    return budgets.isEmpty() && limits.isEmpty();
  }

  /**
   * Admits a request counted against {@code scopes} with its estimated cost (null when the model
   * has no price) and tokens, or refuses it naming the limit.
   */
  public Admission admit(List<BudgetScope> scopes, BigDecimal usdEstimate, long tokenEstimate) {
    List<Admission.Taken> taken = new ArrayList<>();
    for (BudgetScope s : scopes) {
      RateLimit l = limits.get(s);
      if (l == null) continue;
      if (l.requestsPerMinute() > 0) {
        RateLimiter.Bucket b = bucket(s, false, l.requestsPerMinute());
        long wait = b.take(1);
        if (wait > 0) {
          giveBack(taken);
          return new Admission.Refused("rate limit of " + l.requestsPerMinute() + " requests per minute for "
              + s + " reached; retry in " + wait + " s", wait, s + "/requests-per-minute");
        }
        taken.add(new Admission.Taken(b, 1, false));
      }
      if (l.tokensPerMinute() > 0) {
        RateLimiter.Bucket b = bucket(s, true, l.tokensPerMinute());
        long wait = b.take(tokenEstimate);
        if (wait > 0) {
          giveBack(taken);
          return new Admission.Refused("rate limit of " + l.tokensPerMinute() + " tokens per minute for "
              + s + " reached; retry in " + wait + " s", wait, s + "/tokens-per-minute");
        }
        taken.add(new Admission.Taken(b, tokenEstimate, true));
      }
    }
    Instant now = clock.instant();
    List<Admission.Held> held = new ArrayList<>();
    for (BudgetScope s : scopes) {
      List<Budget> bs = budgets.get(s);
      if (bs == null) continue;
      for (Budget b : bs) {
        Period.Window w = b.period().window(now, zone, weekStart);
        BudgetLedger.Key key = new BudgetLedger.Key(b.id(), w.start());
        BigDecimal amount = b.metric() == Budget.Metric.USD
            ? (usdEstimate == null ? BigDecimal.ZERO : usdEstimate) : BigDecimal.valueOf(tokenEstimate);
        if (!ledger.tryReserve(key, b.limit(), amount)) {
          for (Admission.Held h : held) ledger.settle(h.key(), h.reserved(), BigDecimal.ZERO);
          giveBack(taken);
          long retry = Math.max(1, Duration.between(now, w.end()).toSeconds());
          BudgetLedger.Consumption c = ledger.consumption(key);
          return new Admission.Refused("budget of " + b.describe() + " is used up ("
              + c.consumed().stripTrailingZeros().toPlainString() + " used, "
              + c.reserved().stripTrailingZeros().toPlainString() + " held by requests in flight); it resets at "
              + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(w.end().atZone(zone)), retry, b.id());
        }
        held.add(new Admission.Held(b, key, w, amount));
      }
    }
    return new Admission.Admitted(List.copyOf(held), List.copyOf(taken), tokenEstimate);
  }

  private static void giveBack(List<Admission.Taken> taken) {
    for (Admission.Taken t : taken) t.bucket().adjust(t.amount());
  }

  private RateLimiter.Bucket bucket(BudgetScope s, boolean tokens, long perMinute) {
    String key = s + (tokens ? "/tpm" : "/rpm");
    return buckets.computeIfAbsent(key, k -> new RateLimiter.Bucket(clock, perMinute, k));
  }

  /** Books what an admitted request used (null dollars: unpriced, books nothing in dollar budgets). */
  public void settle(Admission.Admitted a, BigDecimal usd, long tokens) {
    for (Admission.Taken t : a.rates()) {
      if (t.tokens()) t.bucket().adjust(t.amount() - tokens);
    }
    for (Admission.Held h : a.budgets()) {
      BigDecimal used = h.budget().metric() == Budget.Metric.USD
          ? (usd == null ? BigDecimal.ZERO : usd) : BigDecimal.valueOf(tokens);
      BigDecimal after = ledger.settle(h.key(), h.reserved(), used);
      BigDecimal before = after.subtract(used);
      for (int pct : THRESHOLDS) {
        BigDecimal mark = h.budget().limit().multiply(BigDecimal.valueOf(pct)).divide(HUNDRED);
        if (before.compareTo(mark) < 0 && after.compareTo(mark) >= 0) {
          try {
            alerts.alert(new BudgetAlert(h.budget(), h.window(), pct, after, clock.instant()));
          } catch (RuntimeException e) {
            System.getLogger(Budgets.class.getName()).log(System.Logger.Level.WARNING, "budget alert failed", e);
          }
        }
      }
    }
  }

  /** A budget's consumption in the window containing now (for the API and pages). */
  public record Status(Budget budget, Period.Window window, BudgetLedger.Consumption consumption) {}

  public List<Status> status() {
    Instant now = clock.instant();
    List<Status> out = new ArrayList<>();
    for (List<Budget> bs : budgets.values()) {
      for (Budget b : bs) {
        Period.Window w = b.period().window(now, zone, weekStart);
        out.add(new Status(b, w, ledger.consumption(new BudgetLedger.Key(b.id(), w.start()))));
      }
    }
    return out;
  }
}
