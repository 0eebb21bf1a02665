package io.tokenmaxx.cli.report;

import io.tokenmaxx.collect.local.ScanProgress;
import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress indicator on stderr, redrawn at most ten times a second, for long scans. */
final class Progress implements ScanProgress {
  private static final long MIN_BYTES = 64L << 20;
  private final PrintStream err;
  private long lastDraw;
  private boolean drawn;

  Progress(PrintStream err) {
    this.err = err;
  }

  @Override
  public synchronized void fileDone(long done, long total, long bytes) {
    if (total < MIN_BYTES) return;
    long now = System.nanoTime();
    if (drawn && now - lastDraw < 100_000_000L && done < total) return;
    lastDraw = now;
    drawn = true;
    err.printf(Locale.ROOT, "\rreading agent logs %3d%%  %,d / %,d MiB", done * 100 / Math.max(1, total), done >> 20, total >> 20);
    err.flush();
  }

  synchronized void clear() {
    if (drawn) {
      err.print("\r\u001b[2K");
      err.flush();
    }
  }
}
