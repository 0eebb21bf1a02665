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
 * Puts a batch on the ingest queue and waits until it is committed: the reply goes out only for
 * what is durable. A full queue is 429 (retry after a second); a failed or slow write is 503. Both
 * are retryable, and a retry is safe because records are idempotent on id.
 */
public final class Acknowledger {
  private static final long COMMIT_TIMEOUT_SECONDS = 60;
  private final IngestQueue queue;

  public Acknowledger(IngestQueue queue) {
    this.queue = queue;
  }

  /** Returns normally once committed; throws an {@link ApiError} otherwise. */
  public void commit(String transport, RecordBatch batch, ServerResponse res) {
    try {
      queue.submit(transport, batch).get(COMMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (QueueFullException e) {
      res.header(HeaderNames.RETRY_AFTER, "1");
      throw new ApiError(Status.TOO_MANY_REQUESTS_429, null, e.getMessage());
    } catch (IllegalStateException e) {
      res.header(HeaderNames.RETRY_AFTER, "5");
      throw new ApiError(Status.SERVICE_UNAVAILABLE_503, null, "server is shutting down; retry");
    } catch (ExecutionException e) {
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
}
