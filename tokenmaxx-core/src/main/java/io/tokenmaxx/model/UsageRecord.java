package io.tokenmaxx.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One normalized unit of AI usage: usually one model request, sometimes a pre-aggregated slice
 * (then {@link #requests()} is greater than one).
 *
 * <p>Token fields are <b>disjoint</b>: {@code inputTokens} excludes cached input (cache reads and
 * cache writes are their own fields), and {@code outputTokens} excludes {@code reasoningTokens}.
 * Sources that report input including cached input (OpenAI, Codex, OpenTelemetry GenAI) or output
 * including reasoning are split at the collector, so every sum over these fields is meaningful.
 *
 * <p>{@code id} is the stable dedupe key: the same request seen twice (re-scan, re-export, retry)
 * produces the same id, and every consumer is idempotent on it.
 *
 * @param id             stable dedupe key, unique per usage event across all sources
 * @param timestamp      when the request happened, UTC
 * @param source         how the record arrived ({@link Sources})
 * @param tool           the client that made the request ({@link Tools}): claude-code, codex, ...
 * @param provider       model vendor: anthropic, openai, google, ... (may be null when unknown)
 * @param model          model name as reported (never null; {@link #UNKNOWN_MODEL} when missing)
 * @param person         resolved person id, null until the identity is resolved
 * @param identity       the raw identity the source reported (email, account uuid, key id, ...)
 * @param sessionId      agent or conversation session, may be null
 * @param project        project or repository the usage belongs to, may be null
 * @param inputTokens    uncached input tokens
 * @param outputTokens   output tokens, excluding reasoning tokens
 * @param cacheReadTokens input tokens served from the prompt cache
 * @param cacheWrite5mTokens input tokens written to the cache with the default (5 minute) TTL
 * @param cacheWrite1hTokens input tokens written to the cache with the 1 hour TTL
 * @param reasoningTokens reasoning / thinking tokens reported separately from output
 * @param requests       number of model requests this record stands for (normally 1)
 * @param reportedCost   cost the source itself reported (e.g. Claude Code's costUSD), null if none;
 *                       like computedCost, rounded half-even to 18 decimal places ({@link Costs})
 * @param computedCost   cost computed from the price catalog, null when the model has no price
 * @param priceRef       provenance of {@code computedCost}: which catalog entry and as of when
 * @param latencyMs      request latency when the source reports it, else null
 * @param status         outcome of the request: ok or error
 * @param promptHash     hash of the prompt where repetition detection needs it (never the text)
 */
public record UsageRecord(
    String id,
    Instant timestamp,
    String source,
    String tool,
    String provider,
    String model,
    String person,
    RawIdentity identity,
    String sessionId,
    String project,
    long inputTokens,
    long outputTokens,
    long cacheReadTokens,
    long cacheWrite5mTokens,
    long cacheWrite1hTokens,
    long reasoningTokens,
    int requests,
    BigDecimal reportedCost,
    BigDecimal computedCost,
    String priceRef,
    Long latencyMs,
    String status,
    String promptHash) {

  public static final String UNKNOWN_MODEL = "unknown";
  public static final String STATUS_OK = "ok";
  public static final String STATUS_ERROR = "error";

  public UsageRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(tool, "tool");
    if (model == null || model.isBlank()) model = UNKNOWN_MODEL;
    if (status == null) status = STATUS_OK;
    // Money compares by value (0.148 and 0.14800 are the same cost; stores return fixed scales) and
    // is kept to the stored 18 places, rounded half-even (Costs): never refused for its precision.
    reportedCost = Costs.normalize(reportedCost);
    computedCost = Costs.normalize(computedCost);
    if (requests < 0) throw new IllegalArgumentException("requests must be >= 0, was " + requests);
    requireNonNegative("inputTokens", inputTokens);
    requireNonNegative("outputTokens", outputTokens);
    requireNonNegative("cacheReadTokens", cacheReadTokens);
    requireNonNegative("cacheWrite5mTokens", cacheWrite5mTokens);
    requireNonNegative("cacheWrite1hTokens", cacheWrite1hTokens);
    requireNonNegative("reasoningTokens", reasoningTokens);
  }

  private static void requireNonNegative(String field, long value) {
    if (value < 0) throw new IllegalArgumentException(field + " must be >= 0, was " + value);
  }

  /** Cache writes of both TTLs. */
  public long cacheWriteTokens() {
    return cacheWrite5mTokens + cacheWrite1hTokens;
  }

  /** Everything the model read: uncached input, cache reads and cache writes. */
  public long promptTokens() {
    return inputTokens + cacheReadTokens + cacheWriteTokens();
  }

  /** Everything the model generated: output plus reasoning (what output prices apply to). */
  public long generatedTokens() {
    return outputTokens + reasoningTokens;
  }

  /** Sum of all disjoint token fields. */
  public long totalTokens() {
    return promptTokens() + generatedTokens();
  }

  /** True when no catalog price was found for the model, so {@link #computedCost()} is unknown. */
  public boolean unpriced() {
    return computedCost == null;
  }

  /**
   * The cost to show: the computed cost when the model is priced, else the cost the source
   * reported, else null (unknown — never silently zero).
   */
  public BigDecimal effectiveCost() {
    return computedCost != null ? computedCost : reportedCost;
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Mutable builder; collectors reuse one per thread where allocation matters. */
  public static final class Builder {
    private String id;
    private Instant timestamp;
    private String source;
    private String tool;
    private String provider;
    private String model;
    private String person;
    private RawIdentity identity;
    private String sessionId;
    private String project;
    private long inputTokens;
    private long outputTokens;
    private long cacheReadTokens;
    private long cacheWrite5mTokens;
    private long cacheWrite1hTokens;
    private long reasoningTokens;
    private int requests = 1;
    private BigDecimal reportedCost;
    private BigDecimal computedCost;
    private String priceRef;
    private Long latencyMs;
    private String status = STATUS_OK;
    private String promptHash;

    Builder() {}

    Builder(UsageRecord r) {
      id = r.id;
      timestamp = r.timestamp;
      source = r.source;
      tool = r.tool;
      provider = r.provider;
      model = r.model;
      person = r.person;
      identity = r.identity;
      sessionId = r.sessionId;
      project = r.project;
      inputTokens = r.inputTokens;
      outputTokens = r.outputTokens;
      cacheReadTokens = r.cacheReadTokens;
      cacheWrite5mTokens = r.cacheWrite5mTokens;
      cacheWrite1hTokens = r.cacheWrite1hTokens;
      reasoningTokens = r.reasoningTokens;
      requests = r.requests;
      reportedCost = r.reportedCost;
      computedCost = r.computedCost;
      priceRef = r.priceRef;
      latencyMs = r.latencyMs;
      status = r.status;
      promptHash = r.promptHash;
    }

    public Builder id(String v) { id = v; return this; }
    public Builder timestamp(Instant v) { timestamp = v; return this; }
    public Builder source(String v) { source = v; return this; }
    public Builder tool(String v) { tool = v; return this; }
    public Builder provider(String v) { provider = v; return this; }
    public Builder model(String v) { model = v; return this; }
    public Builder person(String v) { person = v; return this; }
    public Builder identity(RawIdentity v) { identity = v; return this; }
    public Builder sessionId(String v) { sessionId = v; return this; }
    public Builder project(String v) { project = v; return this; }
    public Builder inputTokens(long v) { inputTokens = v; return this; }
    public Builder outputTokens(long v) { outputTokens = v; return this; }
    public Builder cacheReadTokens(long v) { cacheReadTokens = v; return this; }
    public Builder cacheWrite5mTokens(long v) { cacheWrite5mTokens = v; return this; }
    public Builder cacheWrite1hTokens(long v) { cacheWrite1hTokens = v; return this; }
    public Builder reasoningTokens(long v) { reasoningTokens = v; return this; }
    public Builder requests(int v) { requests = v; return this; }
    public Builder reportedCost(BigDecimal v) { reportedCost = v; return this; }
    public Builder computedCost(BigDecimal v) { computedCost = v; return this; }
    public Builder priceRef(String v) { priceRef = v; return this; }
    public Builder latencyMs(Long v) { latencyMs = v; return this; }
    public Builder status(String v) { status = v; return this; }
    public Builder promptHash(String v) { promptHash = v; return this; }

    public UsageRecord build() {
      return new UsageRecord(id, timestamp, source, tool, provider, model, person, identity,
          sessionId, project, inputTokens, outputTokens, cacheReadTokens, cacheWrite5mTokens,
          cacheWrite1hTokens, reasoningTokens, requests, reportedCost, computedCost, priceRef,
          latencyMs, status, promptHash);
    }
  }
}
