package io.tokenmaxx.server.ops;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tokenmaxx.pipeline.IngestMetrics;

/** {@link IngestMetrics} as Prometheus series, exposed on {@code /metrics}. */
public final class PrometheusIngestMetrics implements IngestMetrics {
  private final Counter accepted;
  private final Counter rejected;
  private final Counter written;
  private final Counter writeFailures;
  private final Histogram writeSeconds;
  private final Gauge queueDepth;

  public PrometheusIngestMetrics(PrometheusRegistry registry) {
    accepted = Counter.builder().name("tokenmaxx_ingest_accepted_records")
        .help("Records accepted into the ingest queue").labelNames("transport").register(registry);
    rejected = Counter.builder().name("tokenmaxx_ingest_rejected_records")
        .help("Records refused at ingest").labelNames("transport", "reason").register(registry);
    written = Counter.builder().name("tokenmaxx_ingest_written_records")
        .help("Records committed to the store").register(registry);
    writeFailures = Counter.builder().name("tokenmaxx_ingest_write_failed_records")
        .help("Records whose write failed (callers told to retry)").register(registry);
    writeSeconds = Histogram.builder().name("tokenmaxx_ingest_write_seconds")
        .help("Time to commit one batch").register(registry);
    queueDepth = Gauge.builder().name("tokenmaxx_ingest_queue_records")
        .help("Records waiting to be written").register(registry);
  }

  @Override
  public void accepted(String transport, int records) {
    accepted.labelValues(transport).inc(records);
  }

  @Override
  public void rejected(String transport, String reason, int records) {
    rejected.labelValues(transport, reason).inc(records);
  }

  @Override
  public void written(int records, long nanos) {
    written.inc(records);
    writeSeconds.observe(nanos / 1e9);
  }

  @Override
  public void writeFailed(int records) {
    writeFailures.inc(records);
  }

  @Override
  public void queueDepth(long records) {
    queueDepth.set(records);
  }
}
