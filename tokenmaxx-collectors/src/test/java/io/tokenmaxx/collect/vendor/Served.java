package io.tokenmaxx.collect.vendor;

import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/** What a stand-in served, in normalized terms: the truth imported totals are checked against. */
final class Served {
  final Map<Key, Tokens> usage = new TreeMap<>();
  final Map<Key, Double> outcomes = new TreeMap<>();

  /** {@code who} is the record's raw identity as {@code kind:value} ("null" when none); {@code what} the model or outcome kind. */
  record Key(String who, LocalDate day, String what) implements Comparable<Key> {
    static Key of(UsageRecord r) {
      return new Key(String.valueOf(r.identity()), LocalDate.ofInstant(r.timestamp(), ZoneOffset.UTC), r.model());
    }

    @Override
    public int compareTo(Key o) {
      return java.util.Comparator.comparing(Key::who).thenComparing(Key::day).thenComparing(Key::what).compare(this, o);
    }
  }

  record Tokens(long input, long output, long cacheRead, long cacheWrite5m, long cacheWrite1h, long requests, BigDecimal cost) {
    static Tokens of(UsageRecord r) {
      return new Tokens(r.inputTokens(), r.outputTokens(), r.cacheReadTokens(), r.cacheWrite5mTokens(),
          r.cacheWrite1hTokens(), r.requests(), r.reportedCost() == null ? BigDecimal.ZERO : r.reportedCost());
    }

    Tokens plus(Tokens o) {
      return new Tokens(input + o.input, output + o.output, cacheRead + o.cacheRead, cacheWrite5m + o.cacheWrite5m,
          cacheWrite1h + o.cacheWrite1h, requests + o.requests, cost.add(o.cost).stripTrailingZeros());
    }

    Tokens withoutCost() {
      return new Tokens(input, output, cacheRead, cacheWrite5m, cacheWrite1h, requests, BigDecimal.ZERO);
    }

    Tokens normalized() {
      return new Tokens(input, output, cacheRead, cacheWrite5m, cacheWrite1h, requests,
          cost.signum() == 0 ? BigDecimal.ZERO : cost.stripTrailingZeros());
    }
  }

  void usage(String who, LocalDate day, String model, Tokens t) {
    usage.merge(new Key(who, day, model), t, Tokens::plus);
  }

  void outcome(String who, LocalDate day, String kind, double value) {
    if (value > 0) outcomes.merge(new Key(who, day, kind), value, Double::sum);
  }

  /** Tokens per key (costs are compared per day: a vendor's cost is spread over rows by tokens). */
  static Map<Key, Tokens> tokens(Map<Key, Tokens> m) {
    Map<Key, Tokens> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, v.withoutCost()));
    return out;
  }

  static Map<LocalDate, BigDecimal> costByDay(Map<Key, Tokens> m) {
    Map<LocalDate, BigDecimal> out = new TreeMap<>();
    m.forEach((k, v) -> out.merge(k.day(), v.cost(), BigDecimal::add));
    out.replaceAll((d, c) -> c.signum() == 0 ? BigDecimal.ZERO : c.stripTrailingZeros());
    return out;
  }

  static Map<Key, Tokens> normalized(Map<Key, Tokens> m) {
    Map<Key, Tokens> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, v.normalized()));
    return out;
  }
}
