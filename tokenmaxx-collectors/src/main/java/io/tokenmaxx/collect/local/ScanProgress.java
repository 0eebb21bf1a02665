package io.tokenmaxx.collect.local;

/** Told as a scan reads files, e.g. to draw a progress bar. Called from worker threads. */
@FunctionalInterface
public interface ScanProgress {
  ScanProgress NONE = (done, total, bytes) -> {};

  /** {@code done} of {@code total} bytes to read have been read, after a file of {@code bytes}. */
  void fileDone(long done, long total, long bytes);
}
