package io.tokenmaxx.server.ingest;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.tokenmaxx.pipeline.IngestQueue;
import io.tokenmaxx.pipeline.QueueFullException;
import io.tokenmaxx.pipeline.RecordBatch;
import io.tokenmaxx.server.http.ApiError;
import io.helidon.webserver.http.ServerResponse;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Prepares a batch on the caller's thread (the enrichers that need no shared state, such as
 * pricing, so that request threads do that work side by side rather than the single writer), puts
 * it on the ingest queue and waits until it is committed: the reply goes out only for what is
 * durable. A full queue is 429 (retry after a second); a failed or slow write is 503. Both
 * are retryable, and a retry is safe because records are idempotent on id. Records the store
 * refuses for what they contain are a 400: sending them again would fail again.
 */
public final class Acknowledger {
  private static final long COMMIT_TIMEOUT_SECONDS = 60;
  private final IngestQueue queue;
  private final java.util.function.UnaryOperator<RecordBatch> prepare;

  public Acknowledger(IngestQueue queue) {
    this(queue, java.util.function.UnaryOperator.identity());
  }

  /** @param prepare run on the request thread before queueing (must be thread-safe) */
  public Acknowledger(IngestQueue queue, java.util.function.UnaryOperator<RecordBatch> prepare) {
    this.queue = queue;
    this.prepare = prepare;
  }

  /**
   * Returns normally once committed; throws an {@link ApiError} otherwise: 429 or 503 (with
   * {@code Retry-After}) when the failure is transient, 400 when the store refused the records
   * themselves, which sending them again would not change.
   */
  public void commit(String transport, RecordBatch batch, ServerResponse res) {
    RecordBatch prepared;
    try {
      prepared = prepare.apply(batch);
    } catch (IllegalArgumentException e) {
      throw refused(e);
    }
    try {
      queue.submit(transport, prepared).get(COMMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (QueueFullException e) {
      res.header(HeaderNames.RETRY_AFTER, "1");
      throw new ApiError(Status.TOO_MANY_REQUESTS_429, null, e.getMessage());
    } catch (IllegalStateException e) {
      res.header(HeaderNames.RETRY_AFTER, "5");
      throw new ApiError(Status.SERVICE_UNAVAILABLE_503, null, "server is shutting down; retry");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IllegalArgumentException refused) throw refused(refused);
      res.header(HeaderNames.RETRY_AFTER, "2");
      throw new ApiError(Status.SERVICE_UNAVAILABLE_503, null,
          "could not store the batch (" + e.getCause().getMessage() + "); nothing was kept, retry");
    } catch (TimeoutException e) {
      res.header(HeaderNames.RETRY_AFTER, "5");
      throw new ApiError(Status.SERVICE_UNAVAILABLE_503, null,
          "the store did not confirm the batch in time; retry (ids make retries safe)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiError(Status.SERVICE_UNAVAILABLE_503, null, "interrupted; retry");
    }
  }

  /**
   * Records the store will not keep as they are (transports check each record first, so this
   * means a rule they missed): not retryable, the message names the record and field.
   */
  private static ApiError refused(IllegalArgumentException e) {
    return new ApiError(Status.BAD_REQUEST_400, null,
        "the store refused these records (" + e.getMessage() + "); nothing was kept, do not retry them unchanged");
  }
}
