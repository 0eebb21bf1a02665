package io.tokenmaxx.pipeline;

/**
 * What the ingest path reports about itself; the server backs it with Prometheus, everything else
 * uses {@link #NOOP}.
 */
public interface IngestMetrics {

  /** Records accepted into the queue. */
  void accepted(String transport, int records);

  /** Records refused: {@code reason} is a short label such as queue_full, invalid, unauthorized. */
  void rejected(String transport, String reason, int records);

  /** A batch was committed to the store. */
  void written(int records, long nanos);

  /** A batch failed to commit; its callers are told to retry. */
  void writeFailed(int records);

  /** Records waiting in the queue, sampled on change. */
  void queueDepth(long records);

  IngestMetrics NOOP = new IngestMetrics() {
    @Override public void accepted(String transport, int records) {}
    @Override public void rejected(String transport, String reason, int records) {}
    @Override public void written(int records, long nanos) {}
    @Override public void writeFailed(int records) {}
    @Override public void queueDepth(long records) {}
  };
}
