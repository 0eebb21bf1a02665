package io.tokenmaxx.bench.analytics;

import io.tokenmaxx.analyze.DepthThresholds;
import io.tokenmaxx.analyze.LeaderboardMeasure;
import io.tokenmaxx.analyze.store.AnalyticsStore;
import io.tokenmaxx.analyze.store.DepthRow;
import io.tokenmaxx.analyze.store.GroupKey;
import io.tokenmaxx.analyze.store.IdentityUsage;
import io.tokenmaxx.analyze.store.PersonStats;
import io.tokenmaxx.analyze.store.RetentionRow;
import io.tokenmaxx.analyze.store.Scope;
import io.tokenmaxx.analyze.store.SessionRow;
import io.tokenmaxx.analyze.store.SessionShapeStats;
import io.tokenmaxx.analyze.store.SpendShareRow;
import io.tokenmaxx.analyze.store.UnattributedTotals;
import io.tokenmaxx.analyze.store.UsageRow;
import io.tokenmaxx.model.OutcomeKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Times every query of a store, by query and (for usage) by its keys. */
final class TimedStore implements AnalyticsStore {
  private final AnalyticsStore d;
  final Timings timings = new Timings();
  boolean recording = true;

  TimedStore(AnalyticsStore delegate) {
    this.d = delegate;
  }

  private <T> T time(String name, Supplier<T> q) {
    long t = System.nanoTime();
    T out = q.get();
    if (recording) timings.add(name, (System.nanoTime() - t) / 1e6);
    return out;
  }

  @Override
  public List<UsageRow> usage(Scope s, List<GroupKey> keys) {
    return time("usage " + keys.stream().map(GroupKey::label).toList(), () -> d.usage(s, keys));
  }

  @Override
  public List<UsageRow> sums(Scope s, List<GroupKey> keys) {
    return time("sums " + keys.stream().map(GroupKey::label).toList(), () -> d.sums(s, keys));
  }

  @Override
  public List<List<UsageRow>> sumsBy(Scope s, List<List<GroupKey>> groupings) {
    return time("sums by " + groupings.stream().map(k -> k.stream().map(GroupKey::label).toList()).toList(),
        () -> d.sumsBy(s, groupings));
  }

  @Override
  public Map<String, LocalDate> firstUse(Scope s) {
    return time("firstUse", () -> d.firstUse(s));
  }

  @Override
  public List<PersonStats> people(Scope s, LeaderboardMeasure m) {
    return time("people (ranked)", () -> d.people(s, m));
  }

  @Override
  public List<io.tokenmaxx.analyze.store.PersonVariety> variety(Scope s) {
    return time("variety (tools and models per person)", () -> d.variety(s));
  }

  @Override
  public List<DepthRow> depth(Scope s, DepthThresholds t) {
    return time("depth", () -> d.depth(s, t));
  }

  @Override
  public List<RetentionRow> retention(Scope s) {
    return time("retention", () -> d.retention(s));
  }

  @Override
  public List<SessionRow> sessions(Scope s, int limit) {
    return time("sessions", () -> d.sessions(s, limit));
  }

  @Override
  public SessionShapeStats sessionShapes(Scope s) {
    return time("sessionShapes", () -> d.sessionShapes(s));
  }

  @Override
  public Map<OutcomeKind, Double> outcomes(Scope s) {
    return time("outcomes", () -> d.outcomes(s));
  }

  @Override
  public Map<String, Map<OutcomeKind, Double>> outcomesByPerson(Scope s) {
    return time("outcomesByPerson", () -> d.outcomesByPerson(s));
  }

  @Override
  public List<SpendShareRow> personSpendShares(Scope s) {
    return time("personSpendShares", () -> d.personSpendShares(s));
  }

  @Override
  public List<SpendShareRow> teamSpendShares(Scope s) {
    return time("teamSpendShares", () -> d.teamSpendShares(s));
  }

  @Override
  public UnattributedTotals unattributedTotals(Scope s) {
    return time("unattributedTotals", () -> d.unattributedTotals(s));
  }

  @Override
  public List<IdentityUsage> unattributed(Scope s, int limit) {
    return time("unattributed", () -> d.unattributed(s, limit));
  }
}
