package io.tokenmaxx.collect.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import io.tokenmaxx.collect.otlp.OtlpBatch.Scope;
import io.tokenmaxx.collect.otlp.OtlpBatch.SeriesChange;
import io.tokenmaxx.component.CheckResult;
import io.tokenmaxx.component.Component;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes OTLP/HTTP request bodies into tokenmaxx records. Transport-agnostic and thread-safe: the
 * HTTP server hands it the bytes, stores what comes back, and answers with {@link OtlpResponses}.
 *
 * <pre>{@code
 * OtlpBatch batch;
 * try {
 *   batch = decoder.decode(signal, body, ContentType.fromHeader(type),
 *       ContentType.gzipFromHeader(encoding));
 * } catch (OtlpDecodeException e) {
 *   return OtlpResponses.error(e, contentTypeOrProtobuf);   // 400 / 413 / 415
 * }
 * try {
 *   store(batch.usage(), batch.outcomes());
 *   delete(batch.retractions());
 *   delete(decoder.commit(batch));                          // usually empty
 * } catch (RuntimeException storeDown) {
 *   decoder.rollback(batch);
 *   return OtlpResponses.unavailable("storage unavailable", batch.contentType()); // 503: retry
 * }
 * return OtlpResponses.exported(batch);                     // 200 (+ partial success)
 * }</pre>
 */
public final class OtlpDecoder implements Component {
  private final Settings settings;
  private final SeriesStateStore seriesState;
  private final long maxBodyBytes;

  private OtlpDecoder(Builder b) {
    Clock clock = b.clock;
    this.seriesState = b.seriesState != null ? b.seriesState : new InMemorySeriesStateStore(clock);
    SessionSignalIndex sessions = b.sessions != null ? b.sessions
        : new InMemorySessionSignalIndex(clock);
    this.settings = new Settings(clock, new Deltas(seriesState, clock), sessions,
        b.maxValueLength, b.maxErrors, b.genAiSpans, b.timedIdsSince);
    this.maxBodyBytes = b.maxBodyBytes;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Decodes one request body.
   *
   * @param signal the signal of the path it was posted to
   * @param body   the bytes as received (still gzipped when {@code gzip})
   * @param type   the request's encoding ({@link ContentType#fromHeader})
   * @param gzip   whether the body is gzip-compressed ({@link ContentType#gzipFromHeader})
   * @return the records and counts; items that are individually invalid are counted as rejected
   * @throws OtlpDecodeException when the body as a whole cannot be decoded (400), inflates beyond
   *     the limit (413)
   */
  public OtlpBatch decode(Signal signal, byte[] body, ContentType type, boolean gzip)
      throws OtlpDecodeException {
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(type, "type");
    byte[] bytes = Bodies.inflate(body, gzip, maxBodyBytes);
    BatchBuilder out = new BatchBuilder(signal, type, settings.maxErrors());
    switch (signal) {
      case METRICS -> {
        var d = Bodies.metrics(bytes, type);
        new MetricMapper(settings, out).map(d.request(), d.itemErrors());
      }
      case LOGS -> {
        if (type == ContentType.PROTOBUF) {
          readLogs(bytes, out);
        } else {
          var d = Bodies.logs(bytes, type);
          new LogMapper(settings, out).map(d.request(), d.itemErrors());
        }
      }
      case TRACES -> {
        var d = Bodies.traces(bytes, type);
        new SpanMapper(settings, out).map(d.request(), d.itemErrors());
      }
    }
    return out.build();
  }

  /**
   * Protobuf logs are mapped while they are read ({@link LogsWire}); when the body turns out to be
   * broken part-way, the sessions its earlier records marked as logged are unmarked again, since
   * none of its records will be stored.
   */
  private void readLogs(byte[] bytes, BatchBuilder out) throws OtlpDecodeException {
    try {
      LogsWire.read(bytes, new LogMapper(settings, out), settings.maxValueLength());
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      for (Scope scope : out.newlyMarkedScopes()) {
        settings.sessions().unmark(scope.tool(), scope.indexKey());
      }
      if (e instanceof InvalidProtocolBufferException invalid) {
        throw Bodies.invalidProtobuf(Signal.LOGS, invalid);
      }
      throw (RuntimeException) e;
    }
  }

  /**
   * Call after the batch's records are durably stored. Returns retractions that became due while
   * the batch was in flight (its metric-derived records belong to a session whose log events
   * arrived meanwhile); apply them after the records, or the race leaves those records counted
   * twice. Usually empty.
   */
  public List<Retraction> commit(OtlpBatch batch) {
    List<Retraction> late = new ArrayList<>(0);
    for (Scope scope : batch.undo.metricScopes()) {
      if (settings.sessions().isLogged(scope.tool(), scope.indexKey())) {
        late.add(scope.retraction());
      }
    }
    return late;
  }

  /**
   * Call when the batch could not be stored (and the client is told to retry): restores the
   * cumulative series state and session marks it changed, unless something newer has replaced
   * them, so that the retry computes the same records again.
   */
  public void rollback(OtlpBatch batch) {
    List<SeriesChange> changes = batch.undo.seriesChanges();
    for (int i = changes.size() - 1; i >= 0; i--) {
      SeriesChange c = changes.get(i);
      seriesState.compareAndSet(c.key(), c.after(), c.before());
    }
    for (Scope scope : batch.undo.newlyMarked()) {
      settings.sessions().unmark(scope.tool(), scope.indexKey());
    }
  }

  @Override
  public CheckResult check() {
    return CheckResult.ok("otlp-decoder");
  }

  @Override
  public void close() {}

  /** Settings of an {@link OtlpDecoder}; every one has a default. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private SeriesStateStore seriesState;
    private SessionSignalIndex sessions;
    private long maxBodyBytes = 64L << 20;
    private int maxValueLength = 1024;
    private int maxErrors = 10;
    private boolean genAiSpans = true;
    private java.time.Instant timedIdsSince = java.time.Instant.EPOCH;

    private Builder() {}

    /** Time for plausibility checks and state bookkeeping (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Where cumulative series state lives (default: in memory, tracking from build time). */
    public Builder seriesState(SeriesStateStore store) {
      this.seriesState = Objects.requireNonNull(store, "seriesState");
      return this;
    }

    /** Which sessions have per-request log events (default: in memory). */
    public Builder sessionIndex(SessionSignalIndex index) {
      this.sessions = Objects.requireNonNull(index, "sessionIndex");
      return this;
    }

    /** Largest body accepted after gzip inflation (default 64 MiB); larger is a 413. */
    public Builder maxBodyBytes(long bytes) {
      if (bytes <= 0) throw new IllegalArgumentException("maxBodyBytes must be > 0, was " + bytes);
      this.maxBodyBytes = bytes;
      return this;
    }

    /**
     * Longest stored attribute value (model, session, identity; default 1024 characters): an item
     * with a longer one is rejected.
     */
    public Builder maxValueLength(int chars) {
      if (chars < 16) throw new IllegalArgumentException("maxValueLength must be >= 16, was "
          + chars);
      this.maxValueLength = chars;
      return this;
    }

    /** How many rejection reasons a partial-success message lists (default 10). */
    public Builder maxErrors(int count) {
      if (count < 1) throw new IllegalArgumentException("maxErrors must be >= 1, was " + count);
      this.maxErrors = count;
      return this;
    }

    /**
     * Whether GenAI spans count usage (default true). Turn off when traces are sampled: sampled
     * spans undercount, and then the unsampled {@code gen_ai.client.token.usage} metric is used.
     */
    public Builder genAiSpans(boolean count) {
      this.genAiSpans = count;
      return this;
    }

    /**
     * Log events from this instant on get ids that start with their time
     * ({@link RecordIds#logUsageId}); earlier ones keep the ids earlier versions gave them, so an
     * export stored before an upgrade and sent again after it is still recognised. A server passes
     * the instant it first ran with time-led ids (kept in its store); the default, the epoch, gives
     * every event a time-led id.
     */
    public Builder timedIdsSince(java.time.Instant since) {
      this.timedIdsSince = Objects.requireNonNull(since, "timedIdsSince");
      return this;
    }

    public OtlpDecoder build() {
      return new OtlpDecoder(this);
    }
  }
}
