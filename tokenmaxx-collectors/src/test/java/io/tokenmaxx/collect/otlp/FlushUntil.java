package io.tokenmaxx.collect.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Counts what the SDK's batch processors hand to an exporter, so a test can flush until everything
 * emitted was exported. The SDK's {@code forceFlush} can return early when called right after a
 * previous flush completed (it may still see the previous, already completed flush request).
 */
public final class FlushUntil {
  private FlushUntil() {}

  static final class Logs implements LogRecordExporter {
    private final LogRecordExporter delegate;
    final AtomicLong exported = new AtomicLong();

    Logs(LogRecordExporter delegate) {
      this.delegate = delegate;
    }

    @Override
    public CompletableResultCode export(Collection<LogRecordData> logs) {
      CompletableResultCode r = delegate.export(logs);
      r.whenComplete(() -> {
        if (r.isSuccess()) exported.addAndGet(logs.size());
      });
      return r;
    }

    @Override
    public CompletableResultCode flush() {
      return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
      return delegate.shutdown();
    }
  }

  static final class Spans implements SpanExporter {
    private final SpanExporter delegate;
    final AtomicLong exported = new AtomicLong();

    Spans(SpanExporter delegate) {
      this.delegate = delegate;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      CompletableResultCode r = delegate.export(spans);
      r.whenComplete(() -> {
        if (r.isSuccess()) exported.addAndGet(spans.size());
      });
      return r;
    }

    @Override
    public CompletableResultCode flush() {
      return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
      return delegate.shutdown();
    }
  }

  /** Calls {@code flush} until {@code exported} reaches {@code emitted} (20 s at most). */
  static void flush(Supplier<CompletableResultCode> flush, AtomicLong exported, long emitted) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      assertThat(flush.get().join(20, TimeUnit.SECONDS).isSuccess()).as("flush").isTrue();
      if (exported.get() >= emitted) return;
      assertThat(System.nanoTime()).as("everything exported in time").isLessThan(deadline);
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
