package io.tokenmaxx.storage.kit;

import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.Sources;
import io.tokenmaxx.model.Tools;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.storage.UsageAggregate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded random records for the kit, and the normal forms stores are compared in. */
public final class Records {
  private Records() {}

  /** Days around the 2024 DST changes in America (Mar 10, Nov 3) and Europe (Mar 31, Oct 27). */
  static final Instant[] ANCHORS = {
      Instant.parse("2024-03-09T00:00:00Z"), Instant.parse("2024-03-30T00:00:00Z"),
      Instant.parse("2024-10-26T00:00:00Z"), Instant.parse("2024-11-02T00:00:00Z"),
      Instant.parse("2024-12-30T00:00:00Z"), // year end: weeks that span two years
      Instant.parse("2025-02-27T00:00:00Z"), // month end, not a leap year
  };

  static final String[] PERSONS = {"ana", "bo", "chen", "dee", "eli", null};
  static final String[] TOOLS = {Tools.CLAUDE_CODE, Tools.CODEX, Tools.GEMINI_CLI, Tools.API};
  static final String[] PROVIDERS = {"anthropic", "openai", "google", null};
  static final String[] MODELS = {"claude-sonnet-4-5", "gpt-5-codex", "gemini-2.5-pro", UsageRecord.UNKNOWN_MODEL};
  static final String[] PROJECTS = {"web", "api", "infra", "ünïcode-项目", null};
  static final String[] SOURCES = {Sources.LOCAL_LOG, Sources.OTLP, Sources.GATEWAY};

  /** A random usage record; ids come from {@code idSpace} so callers can make overlaps. */
  public static UsageRecord usage(Random rnd, int id) {
    Instant anchor = ANCHORS[rnd.nextInt(ANCHORS.length)];
    Instant ts = anchor.plusSeconds(rnd.nextInt(4 * 24 * 3600));
    if (rnd.nextInt(4) == 0) ts = ts.plusNanos(rnd.nextInt(1_000_000_000));
    String person = PERSONS[rnd.nextInt(PERSONS.length)];
    BigDecimal computed = rnd.nextInt(5) == 0 ? null : money(rnd);
    BigDecimal reported = rnd.nextInt(2) == 0 ? null : money(rnd);
    return UsageRecord.builder()
        .id("u-" + id)
        .timestamp(ts)
        .source(SOURCES[rnd.nextInt(SOURCES.length)])
        .tool(TOOLS[rnd.nextInt(TOOLS.length)])
        .provider(PROVIDERS[rnd.nextInt(PROVIDERS.length)])
        .model(MODELS[rnd.nextInt(MODELS.length)])
        .person(person)
        .identity(person == null && rnd.nextBoolean() ? null
            : RawIdentity.email((person == null ? "someone" : person) + "@example.com"))
        .sessionId(rnd.nextInt(6) == 0 ? null : "s-" + rnd.nextInt(40))
        .project(PROJECTS[rnd.nextInt(PROJECTS.length)])
        .inputTokens(rnd.nextInt(20_000))
        .outputTokens(rnd.nextInt(4_000))
        .cacheReadTokens(rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(200_000))
        .cacheWrite5mTokens(rnd.nextInt(10_000))
        .cacheWrite1hTokens(rnd.nextInt(3) == 0 ? rnd.nextInt(10_000) : 0)
        .reasoningTokens(rnd.nextInt(2_000))
        .requests(1 + rnd.nextInt(3) / 2)
        .reportedCost(reported)
        .computedCost(computed)
        .priceRef(computed == null ? null : "catalog@2024-01-01")
        .latencyMs(rnd.nextInt(3) == 0 ? null : (long) rnd.nextInt(60_000))
        .status(rnd.nextInt(20) == 0 ? UsageRecord.STATUS_ERROR : UsageRecord.STATUS_OK)
        .promptHash(rnd.nextInt(4) == 0 ? Long.toHexString(rnd.nextLong()) : null)
        .build();
  }

  /** {@code n} random usage records with ids 0..n-1. */
  public static List<UsageRecord> usage(long seed, int n) {
    Random rnd = new Random(seed);
    List<UsageRecord> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(usage(rnd, i));
    return out;
  }

  public static OutcomeRecord outcome(Random rnd, int id) {
    Instant ts = ANCHORS[rnd.nextInt(ANCHORS.length)].plusSeconds(rnd.nextInt(4 * 24 * 3600));
    if (rnd.nextInt(3) == 0) ts = ts.plusNanos(rnd.nextInt(1_000_000_000));
    OutcomeKind kind = OutcomeKind.values()[rnd.nextInt(OutcomeKind.values().length)];
    String person = PERSONS[rnd.nextInt(PERSONS.length)];
    return new OutcomeRecord("o-" + id, ts, SOURCES[rnd.nextInt(SOURCES.length)],
        rnd.nextInt(5) == 0 ? null : TOOLS[rnd.nextInt(TOOLS.length)], kind,
        rnd.nextInt(4) == 0 ? rnd.nextDouble() * 1000 : rnd.nextInt(500), person,
        person == null ? null : new RawIdentity(RawIdentity.Kind.ACCOUNT_UUID, "acct-" + person),
        rnd.nextBoolean() ? "s-" + rnd.nextInt(40) : null, PROJECTS[rnd.nextInt(PROJECTS.length)],
        rnd.nextInt(3) == 0 ? "lang=java" : null);
  }

  /** A cost with up to 12 decimal places, sometimes zero. */
  static BigDecimal money(Random rnd) {
    if (rnd.nextInt(15) == 0) return BigDecimal.ZERO;
    return BigDecimal.valueOf(rnd.nextInt(50_000_000), rnd.nextInt(13));
  }

  /** The last copy of each id, in first-seen order: what an idempotent store must hold. */
  public static <T> List<T> lastCopies(List<T> records, java.util.function.Function<T, String> id) {
    Map<String, T> byId = new LinkedHashMap<>();
    for (T r : records) byId.put(id.apply(r), r);
    return new ArrayList<>(byId.values());
  }

  /** Costs in smallest exact form, so values compare regardless of the scale a store returns. */
  public static UsageRecord normal(UsageRecord r) {
    return r.toBuilder().reportedCost(strip(r.reportedCost())).computedCost(strip(r.computedCost())).build();
  }

  public static List<UsageRecord> normalUsage(List<UsageRecord> records) {
    return records.stream().map(Records::normal).toList();
  }

  public static List<UsageAggregate> normalAggregates(List<UsageAggregate> aggregates) {
    return aggregates.stream().map(a -> new UsageAggregate(a.key(), a.inputTokens(), a.outputTokens(),
        a.cacheReadTokens(), a.cacheWrite5mTokens(), a.cacheWrite1hTokens(), a.reasoningTokens(),
        a.requests(), a.records(), strip(a.cost()), strip(a.computedCost()), strip(a.reportedCost()),
        a.unpricedRecords(), a.firstSeen(), a.lastSeen())).toList();
  }

  static BigDecimal strip(BigDecimal v) {
    if (v == null) return null;
    BigDecimal n = v.stripTrailingZeros();
    return n.scale() < 0 ? n.setScale(0) : n;
  }
}
