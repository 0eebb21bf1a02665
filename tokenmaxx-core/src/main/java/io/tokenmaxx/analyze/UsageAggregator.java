package io.tokenmaxx.analyze;

import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.storage.Dimension;
import io.tokenmaxx.storage.UsageAggregate;
import io.tokenmaxx.storage.UsageQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure-Java aggregation of usage records: the reference every store's SQL is checked against, and
 * the engine of reports over local logs (where there is no store).
 *
 * <p>Not thread-safe; feed it from one thread or merge per-thread aggregators with {@link #merge}.
 */
public final class UsageAggregator {
  private final UsageQuery query;
  private final CostBasis basis;
  private final Map<List<String>, Acc> groups = new HashMap<>();

  public UsageAggregator(UsageQuery query) {
    this(query, CostBasis.COMPUTED_FIRST);
  }

  /** An aggregator whose {@link UsageAggregate#cost()} sums each record's cost on {@code basis}. */
  public UsageAggregator(UsageQuery query, CostBasis basis) {
    this.query = query;
    this.basis = java.util.Objects.requireNonNull(basis, "basis");
  }

  /** Aggregates all records at once. */
  public static List<UsageAggregate> aggregate(UsageQuery query, Iterable<UsageRecord> records) {
    UsageAggregator a = new UsageAggregator(query);
    for (UsageRecord r : records) a.add(r);
    return a.result();
  }

  /** True when the record passes the query's filters. */
  public static boolean matches(UsageQuery q, UsageRecord r) {
    if (q.from() != null && r.timestamp().isBefore(q.from())) return false;
    if (q.to() != null && !r.timestamp().isBefore(q.to())) return false;
    if (!in(q.persons(), r.person())) return false;
    if (!in(q.tools(), r.tool())) return false;
    if (!in(q.models(), r.model())) return false;
    if (!in(q.projects(), r.project())) return false;
    return true;
  }

  /** An empty filter passes everything; a null value matches no filter (immutable sets reject contains(null)). */
  private static boolean in(java.util.Set<String> filter, String value) {
    return filter.isEmpty() || (value != null && filter.contains(value));
  }

  /** Adds a record if it matches the query's filters. */
  public void add(UsageRecord r) {
    if (!matches(query, r)) return;
    String[] key = new String[query.groupBy().size()];
    for (int i = 0; i < key.length; i++) key[i] = keyOf(query.groupBy().get(i), r);
    groups.computeIfAbsent(Arrays.asList(key), k -> new Acc()).add(r, basis);
  }

  public void merge(UsageAggregator other) {
    other.groups.forEach((k, v) -> groups.merge(k, v, Acc::merge));
  }

  private String keyOf(Dimension d, UsageRecord r) {
    return switch (d) {
      case HOUR, DAY, WEEK, MONTH -> TimeBuckets.bucket(d, r.timestamp(), query.zone(), query.weekStart());
      case SESSION -> r.sessionId();
      case PROJECT -> r.project();
      case TOOL -> r.tool();
      case PROVIDER -> r.provider();
      case MODEL -> r.model();
      case PERSON -> r.person();
      case SOURCE -> r.source();
    };
  }

  /** The groups, ordered by key (nulls last in each position). */
  public List<UsageAggregate> result() {
    List<UsageAggregate> out = new ArrayList<>(groups.size());
    groups.forEach((k, acc) -> out.add(acc.toAggregate(k)));
    out.sort(KEY_ORDER);
    return out;
  }

  /** Order of aggregates by key: lexicographic per position, nulls last. */
  public static final Comparator<UsageAggregate> KEY_ORDER = (a, b) -> {
    for (int i = 0; i < a.key().size(); i++) {
      int c = Comparator.<String>nullsLast(Comparator.naturalOrder())
          .compare(a.key().get(i), b.key().get(i));
      if (c != 0) return c;
    }
    return 0;
  };

  private static final class Acc {
    long input, output, cacheRead, cw5m, cw1h, reasoning, requests, records, unpriced;
    BigDecimal cost = BigDecimal.ZERO, computed = BigDecimal.ZERO, reported = BigDecimal.ZERO;
    Instant first, last;

    void add(UsageRecord r, CostBasis basis) {
      input += r.inputTokens();
      output += r.outputTokens();
      cacheRead += r.cacheReadTokens();
      cw5m += r.cacheWrite5mTokens();
      cw1h += r.cacheWrite1hTokens();
      reasoning += r.reasoningTokens();
      requests += r.requests();
      records++;
      if (r.computedCost() != null) computed = computed.add(r.computedCost());
      else unpriced++;
      if (r.reportedCost() != null) reported = reported.add(r.reportedCost());
      BigDecimal eff = basis.cost(r);
      if (eff != null) cost = cost.add(eff);
      if (first == null || r.timestamp().isBefore(first)) first = r.timestamp();
      if (last == null || r.timestamp().isAfter(last)) last = r.timestamp();
    }

    Acc merge(Acc o) {
      input += o.input;
      output += o.output;
      cacheRead += o.cacheRead;
      cw5m += o.cw5m;
      cw1h += o.cw1h;
      reasoning += o.reasoning;
      requests += o.requests;
      records += o.records;
      unpriced += o.unpriced;
      cost = cost.add(o.cost);
      computed = computed.add(o.computed);
      reported = reported.add(o.reported);
      if (first == null || (o.first != null && o.first.isBefore(first))) first = o.first;
      if (last == null || (o.last != null && o.last.isAfter(last))) last = o.last;
      return this;
    }

    UsageAggregate toAggregate(List<String> key) {
      return new UsageAggregate(java.util.Collections.unmodifiableList(new ArrayList<>(key)), input, output, cacheRead, cw5m,
          cw1h, reasoning, requests, records, cost, computed, reported, unpriced, first, last);
    }
  }
}
