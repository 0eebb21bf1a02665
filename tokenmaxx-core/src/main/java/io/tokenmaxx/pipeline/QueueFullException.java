package io.tokenmaxx.pipeline;

/** The ingest queue has no room: the caller should retry later (HTTP 429, OTLP retryable). */
public final class QueueFullException extends RuntimeException {
  public QueueFullException(long waiting, long capacity) {
    super("ingest queue is full (" + waiting + " of " + capacity
        + " records waiting to be written); retry later");
  }
}
