package io.tokenmaxx.collect.otlp;

import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.pipeline.RecordBatch;
import java.util.List;

/**
 * Everything decoded from one OTLP/HTTP request: the records to store, the retractions to apply,
 * the identities seen, and the counts the response reports.
 *
 * <p>Every item of the request (data point, log record or span) is either {@link #rejected()}
 * (invalid; its reason is in {@link #errors()}) or {@link #accepted()}. Accepted items may still
 * produce no record: {@link #ignored()} (a metric, event or span tokenmaxx does not use),
 * {@link #suppressed()} (metric token counts of a session whose log events are authoritative) or
 * folded into another record (all token types of one interval make one record).
 */
public final class OtlpBatch {
  private final Signal signal;
  private final ContentType contentType;
  private final List<UsageRecord> usage;
  private final List<OutcomeRecord> outcomes;
  private final List<Retraction> retractions;
  private final List<ObservedIdentity> identities;
  private final long accepted;
  private final long rejected;
  private final long ignored;
  private final long suppressed;
  private final List<String> errors;
  private final long errorCount;
  private final List<String> warnings;
  final Undo undo;

  OtlpBatch(Signal signal, ContentType contentType, List<UsageRecord> usage,
      List<OutcomeRecord> outcomes, List<Retraction> retractions,
      List<ObservedIdentity> identities, long accepted, long rejected, long ignored,
      long suppressed, List<String> errors, long errorCount, List<String> warnings, Undo undo) {
    this.signal = signal;
    this.contentType = contentType;
    this.usage = List.copyOf(usage);
    this.outcomes = List.copyOf(outcomes);
    this.retractions = List.copyOf(retractions);
    this.identities = List.copyOf(identities);
    this.accepted = accepted;
    this.rejected = rejected;
    this.ignored = ignored;
    this.suppressed = suppressed;
    this.errors = List.copyOf(errors);
    this.errorCount = errorCount;
    this.warnings = List.copyOf(warnings);
    this.undo = undo;
  }

  public Signal signal() {
    return signal;
  }

  /** The encoding of the request, which the response must use. */
  public ContentType contentType() {
    return contentType;
  }

  public List<UsageRecord> usage() {
    return usage;
  }

  public List<OutcomeRecord> outcomes() {
    return outcomes;
  }

  /** The usage and outcome records as one batch for the ingest pipeline. */
  public RecordBatch records() {
    return new RecordBatch(usage, outcomes);
  }

  /** Deletions the store must apply (see {@link Retraction}); usually empty. */
  public List<Retraction> retractions() {
    return retractions;
  }

  /** Distinct identity groups seen, for the identity directory. */
  public List<ObservedIdentity> identities() {
    return identities;
  }

  /** Items (data points, log records or spans) in the request. */
  public long received() {
    return accepted + rejected;
  }

  public long accepted() {
    return accepted;
  }

  /** Items refused as invalid: the count reported as partial success. */
  public long rejected() {
    return rejected;
  }

  /** Accepted items that tokenmaxx does not use (unknown metrics, events, spans). */
  public long ignored() {
    return ignored;
  }

  /** Accepted metric points whose tokens are already counted from log events or spans. */
  public long suppressed() {
    return suppressed;
  }

  /** Why items were rejected, one message per item, the first few only. */
  public List<String> errors() {
    return errors;
  }

  /** Items kept with a value left out (e.g. a reported cost that is not a number), the first few. */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * The message for the partial-success response: the first few reasons, and how many more
   * there were, then the warnings (OTLP lets a response carry a message with nothing rejected);
   * empty when nothing was rejected and nothing warned about.
   */
  public String errorMessage() {
    StringBuilder b = new StringBuilder();
    if (!errors.isEmpty()) {
      b.append(rejected).append(' ').append(signal.items()).append(" rejected: ");
      b.append(String.join("; ", errors));
      if (errorCount > errors.size()) {
        b.append("; and ").append(errorCount - errors.size()).append(" more");
      }
    }
    if (!warnings.isEmpty()) {
      if (b.length() > 0) b.append(". ");
      b.append("Warnings: ").append(String.join("; ", warnings));
    }
    return b.toString();
  }

  /**
   * The retraction each scope whose metric-derived records this batch stores would need: a
   * transport that remembers them can skip log-side {@link #retractions()} that would delete
   * nothing.
   */
  public List<Retraction> metricScopes() {
    List<Retraction> out = new java.util.ArrayList<>(undo.metricScopes().size());
    for (Scope scope : undo.metricScopes()) out.add(scope.retraction());
    return out;
  }

  @Override
  public String toString() {
    return "OtlpBatch{" + signal + ", usage=" + usage.size() + ", outcomes=" + outcomes.size()
        + ", retractions=" + retractions.size() + ", accepted=" + accepted + ", rejected="
        + rejected + ", ignored=" + ignored + ", suppressed=" + suppressed + "}";
  }

  /** What decoding changed in shared state, so it can be undone or re-checked. */
  record Undo(List<SeriesChange> seriesChanges, List<Scope> newlyMarked,
      List<Scope> metricScopes) {
    static final Undo NONE = new Undo(List.of(), List.of(), List.of());
  }

  /** One cumulative series update: {@code before} (null if new) replaced by {@code after}. */
  record SeriesChange(SeriesKey key, SeriesState before, SeriesState after) {}

  /** A reconciliation scope: tool plus session, or tool plus service for GenAI apps. */
  record Scope(String tool, String sessionId, String project) {
    String indexKey() {
      return sessionId != null ? sessionId : "service:" + project;
    }

    Retraction retraction() {
      return new Retraction(tool, sessionId, sessionId != null ? null : project,
          RecordIds.METRIC_USAGE_PREFIX);
    }
  }
}
