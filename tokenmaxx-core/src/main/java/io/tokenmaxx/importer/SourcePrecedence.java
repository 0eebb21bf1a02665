package io.tokenmaxx.importer;

import io.tokenmaxx.model.Tools;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts each person-day-model once when several sources describe the same usage: the finer
 * source wins, and a vendor's daily aggregate is stored as the <em>complement</em> of what finer
 * sources already recorded for that person, day and model — field by field, never below zero.
 * Every analytics query stays a plain sum over stored records, and for every key and field that
 * sum is the largest of what the sources say (finer sources added up, then each coarser report in
 * turn), with the finer sources' detail (sessions, hours, projects) kept.
 *
 * <p>Aggregate streams are applied finest first ({@link Granularity}, then name). Each is reduced
 * by the records placed before it that it {@linkplain AggregateStream#covers covers}; records of
 * one stream for one key (two API keys of one person) are reduced together and the complement is
 * shared among them in proportion to their own numbers. Costs of a reduced record are scaled by the
 * share of its tokens that remains. This class is pure: the store calls {@link #resolve} with the
 * records of a key whenever any of them changes (a new fine record, a vendor revision, an alias
 * that moves records between keys) and stores the aggregates it returns; it must keep the
 * vendor's raw numbers to do so.
 */
public final class SourcePrecedence {
  private static final Set<String> SELF_BILLING = Set.of("cursor", "github-copilot");

  private final List<AggregateStream> streams;

  public SourcePrecedence(List<AggregateStream> streams) {
    this.streams = streams.stream()
        .sorted(Comparator.comparing(AggregateStream::granularity).thenComparing(AggregateStream::name))
        .toList();
    Set<String> names = new java.util.HashSet<>();
    for (AggregateStream s : this.streams) {
      if (!names.add(s.name())) throw new IllegalArgumentException("stream " + s.name() + " given twice");
    }
  }

  /** The aggregate reports the vendor importers produce. */
  public static SourcePrecedence defaults() {
    return new SourcePrecedence(List.of(
        new AggregateStream("anthropic.claude-code", Granularity.PERSON_DAY, Tools.CLAUDE_CODE, "anthropic", Set.of()),
        new AggregateStream("anthropic.messages", Granularity.ACCOUNT_DAY, null, "anthropic", SELF_BILLING),
        new AggregateStream("anthropic.console-csv", Granularity.ACCOUNT_DAY, null, "anthropic", SELF_BILLING),
        new AggregateStream("openai.completions", Granularity.ACCOUNT_DAY, null, "openai", SELF_BILLING),
        new AggregateStream("openai.embeddings", Granularity.ACCOUNT_DAY, null, "openai", SELF_BILLING),
        new AggregateStream("openai.console-csv", Granularity.ACCOUNT_DAY, null, "openai", SELF_BILLING)));
  }

  public List<AggregateStream> streams() {
    return streams;
  }

  /** The aggregate stream {@code r} belongs to, by its id; empty for a finer record. */
  public Optional<AggregateStream> stream(UsageRecord r) {
    if (!r.id().startsWith(AggregateStream.ID_PREFIX)) return Optional.empty();
    for (AggregateStream s : streams) if (r.id().startsWith(s.idPrefix())) return Optional.of(s);
    return Optional.empty();
  }

  public PrecedenceKey key(UsageRecord r) {
    String who = r.person() != null ? "person:" + r.person()
        : "identity:" + (r.identity() == null ? "none" : r.identity().toString());
    String model = r.model().trim().toLowerCase(Locale.ROOT);
    int slash = model.lastIndexOf('/');
    if (slash >= 0) model = model.substring(slash + 1);
    return new PrecedenceKey(who, LocalDate.ofInstant(r.timestamp(), ZoneOffset.UTC), model);
  }

  /** {@link #resolve} for records of any number of keys: the aggregates to store, in input order. */
  public List<UsageRecord> resolveAll(Collection<UsageRecord> records) {
    Map<PrecedenceKey, List<UsageRecord>> byKey = new LinkedHashMap<>();
    for (UsageRecord r : records) byKey.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r);
    Map<String, UsageRecord> resolved = new java.util.HashMap<>();
    for (List<UsageRecord> group : byKey.values()) for (UsageRecord a : resolve(group)) resolved.put(a.id(), a);
    List<UsageRecord> out = new ArrayList<>(resolved.size());
    for (UsageRecord r : records) if (resolved.containsKey(r.id())) out.add(resolved.get(r.id()));
    return out;
  }

  /**
   * Given every record of one {@link PrecedenceKey} — finer records as stored, aggregate records
   * with the vendor's raw numbers — returns the aggregate records to store, each reduced by what
   * the records placed before it already account for. Finer records are never changed.
   */
  public List<UsageRecord> resolve(Collection<UsageRecord> recordsOfOneKey) {
    List<UsageRecord> placed = new ArrayList<>();
    Map<AggregateStream, List<UsageRecord>> byStream = new TreeMap<>(Comparator
        .comparing(AggregateStream::granularity).thenComparing(AggregateStream::name));
    PrecedenceKey first = null;
    for (UsageRecord r : recordsOfOneKey) {
      PrecedenceKey k = key(r);
      if (first == null) first = k;
      else if (!first.equals(k)) throw new IllegalArgumentException("records of two keys: " + first + " and " + k);
      Optional<AggregateStream> s = stream(r);
      if (s.isPresent()) byStream.computeIfAbsent(s.get(), x -> new ArrayList<>()).add(r);
      else placed.add(r);
    }
    List<UsageRecord> result = new ArrayList<>();
    for (Map.Entry<AggregateStream, List<UsageRecord>> e : byStream.entrySet()) {
      AggregateStream stream = e.getKey();
      List<UsageRecord> members = new ArrayList<>(e.getValue());
      members.sort(Comparator.comparing(UsageRecord::id));
      TokenCounts covered = TokenCounts.ZERO;
      for (UsageRecord p : placed) if (stream.covers(p)) covered = covered.plus(TokenCounts.of(p));
      TokenCounts raw = TokenCounts.ZERO;
      for (UsageRecord m : members) raw = raw.plus(TokenCounts.of(m));
      List<UsageRecord> reduced = share(members, raw, raw.beyond(covered));
      placed.addAll(reduced);
      result.addAll(reduced);
    }
    return result;
  }

  /** Splits {@code complement} among {@code members} in proportion to their own numbers; exact sums. */
  private static List<UsageRecord> share(List<UsageRecord> members, TokenCounts raw, TokenCounts complement) {
    List<UsageRecord> out = new ArrayList<>(members.size());
    TokenCounts given = TokenCounts.ZERO;
    for (int i = 0; i < members.size(); i++) {
      UsageRecord m = members.get(i);
      TokenCounts own = TokenCounts.of(m);
      TokenCounts part = i == members.size() - 1
          ? new TokenCounts(complement.input() - given.input(), complement.cacheRead() - given.cacheRead(),
              complement.cacheWrite() - given.cacheWrite(), complement.generated() - given.generated(),
              complement.requests() - given.requests())
          : new TokenCounts(TokenCounts.share(complement.input(), own.input(), raw.input()),
              TokenCounts.share(complement.cacheRead(), own.cacheRead(), raw.cacheRead()),
              TokenCounts.share(complement.cacheWrite(), own.cacheWrite(), raw.cacheWrite()),
              TokenCounts.share(complement.generated(), own.generated(), raw.generated()),
              TokenCounts.share(complement.requests(), own.requests(), raw.requests()));
      given = given.plus(part);
      out.add(apply(m, own, part));
    }
    return out;
  }

  private static UsageRecord apply(UsageRecord m, TokenCounts own, TokenCounts part) {
    if (own.equals(part)) return m;
    long write5m = TokenCounts.share(part.cacheWrite(), m.cacheWrite5mTokens(), own.cacheWrite());
    if (own.cacheWrite() == 0) write5m = part.cacheWrite();
    long output = TokenCounts.share(part.generated(), m.outputTokens(), own.generated());
    if (own.generated() == 0) output = part.generated();
    return m.toBuilder()
        .inputTokens(part.input())
        .cacheReadTokens(part.cacheRead())
        .cacheWrite5mTokens(write5m)
        .cacheWrite1hTokens(part.cacheWrite() - write5m)
        .outputTokens(output)
        .reasoningTokens(part.generated() - output)
        .requests((int) Math.min(Integer.MAX_VALUE, part.requests()))
        .reportedCost(scale(m.reportedCost(), part.tokens(), own.tokens()))
        .computedCost(scale(m.computedCost(), part.tokens(), own.tokens()))
        .build();
  }

  private static BigDecimal scale(BigDecimal cost, long part, long whole) {
    if (cost == null || whole == 0) return cost;
    return cost.multiply(BigDecimal.valueOf(part)).divide(BigDecimal.valueOf(whole), 12, RoundingMode.HALF_EVEN);
  }
}
