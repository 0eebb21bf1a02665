package io.tokenmaxx.server.gateway;

import io.tokenmaxx.component.CheckResult;
import io.tokenmaxx.component.Component;
import io.tokenmaxx.gateway.budget.AlertSink;
import io.tokenmaxx.gateway.budget.BudgetAlert;
import io.tokenmaxx.server.checkin.Webhook;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Budget alerts at 50, 80 and 100 % through the server's signed webhook ({@code checkins.webhook-url},
 * event {@code gateway.budget}), posted off the request path by one thread; every alert is also
 * logged, so an organization without a webhook still sees them.
 */
public final class BudgetAlerts implements AlertSink, Component {
  static final String EVENT = "gateway.budget";
  private static final System.Logger LOG = System.getLogger(BudgetAlerts.class.getName());

  private final Webhook webhook;
  private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "tokenmaxx-budget-alerts");
    t.setDaemon(true);
    return t;
  });

  /** @param webhook where alerts go; null: logged only */
  public BudgetAlerts(Webhook webhook) {
    this.webhook = webhook;
  }

  @Override
  public void alert(BudgetAlert a) {
    LOG.log(Level.INFO, "budget " + a.budget().describe() + " reached " + a.percent() + " % ("
        + a.consumed().stripTrailingZeros().toPlainString() + " used)");
    if (webhook == null) return;
    Map<String, Object> payload = payload(a);
    sender.execute(() -> {
      try {
        Webhook.Delivery d = webhook.post(EVENT, payload);
        if (!d.ok()) LOG.log(Level.WARNING, "budget alert webhook answered " + d.status());
      } catch (java.io.IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "budget alert webhook failed: " + e.getMessage());
      }
    });
  }

  /** What the webhook receives as {@code data}. */
  static Map<String, Object> payload(BudgetAlert a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("budget", a.budget().id());
    m.put("scope", a.budget().scope().toString());
    m.put("unit", a.budget().metric() == io.tokenmaxx.gateway.budget.Budget.Metric.USD ? "usd" : "tokens");
    m.put("period", a.budget().period().name().toLowerCase(java.util.Locale.ROOT));
    m.put("limit", a.budget().limit().toPlainString());
    m.put("percent", a.percent());
    m.put("consumed", a.consumed().stripTrailingZeros().toPlainString());
    m.put("windowStart", a.window().start().toString());
    m.put("windowEnd", a.window().end().toString());
    m.put("at", a.at().toString());
    m.put("message", "budget of " + a.budget().describe() + " reached " + a.percent() + " %");
    return m;
  }

  @Override
  public CheckResult check() {
    return CheckResult.ok("budget-alerts");
  }

  @Override
  public void close() {
    sender.shutdown();
    try {
      if (!sender.awaitTermination(5, TimeUnit.SECONDS)) sender.shutdownNow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
