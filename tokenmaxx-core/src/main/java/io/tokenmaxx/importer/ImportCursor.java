package io.tokenmaxx.importer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Where one import source has got to, and how its last attempts went (what the admin page shows).
 *
 * @param source              the configured source's name ({@code anthropic}, {@code openai}, ...)
 * @param completeThrough     the last UTC day pulled in full, null before the first complete day
 * @param lastAttempt         when the last pull started, null if never
 * @param lastSuccess         when the last pull finished without error, null if never
 * @param lastError           the vendor's error of the last failed pull (never a secret), null after a success
 * @param consecutiveFailures failed pulls since the last success
 * @param recordsImported     records (usage and outcomes) stored by this source, all pulls together
 * @param nextRun             when the next pull is due, null when not scheduled
 */
public record ImportCursor(
    String source,
    LocalDate completeThrough,
    Instant lastAttempt,
    Instant lastSuccess,
    String lastError,
    int consecutiveFailures,
    long recordsImported,
    Instant nextRun) {

  public ImportCursor {
    Objects.requireNonNull(source, "source");
    if (source.isBlank()) throw new IllegalArgumentException("source must not be blank");
    if (consecutiveFailures < 0) throw new IllegalArgumentException("consecutiveFailures must be >= 0");
    if (recordsImported < 0) throw new IllegalArgumentException("recordsImported must be >= 0");
  }

  /** A source that has never run. */
  public static ImportCursor initial(String source) {
    return new ImportCursor(source, null, null, null, null, 0, 0, null);
  }

  /** True while the last pull failed. */
  public boolean failing() {
    return lastError != null;
  }

  public ImportCursor started(Instant at) {
    return new ImportCursor(source, completeThrough, at, lastSuccess, lastError, consecutiveFailures,
        recordsImported, nextRun);
  }

  /** Day {@code day} was pulled in full and {@code records} records were stored for it. */
  public ImportCursor dayDone(LocalDate day, long records) {
    LocalDate through = completeThrough == null || day.isAfter(completeThrough) ? day : completeThrough;
    return new ImportCursor(source, through, lastAttempt, lastSuccess, lastError, consecutiveFailures,
        recordsImported + records, nextRun);
  }

  /** Records stored outside a day (e.g. seat activity read with the directory). */
  public ImportCursor counted(long records) {
    return new ImportCursor(source, completeThrough, lastAttempt, lastSuccess, lastError, consecutiveFailures,
        recordsImported + records, nextRun);
  }

  public ImportCursor succeeded(Instant at, Instant next) {
    return new ImportCursor(source, completeThrough, lastAttempt, at, null, 0, recordsImported, next);
  }

  public ImportCursor failed(String error, Instant next) {
    return new ImportCursor(source, completeThrough, lastAttempt, lastSuccess,
        error == null || error.isBlank() ? "failed without a message" : error,
        consecutiveFailures + 1, recordsImported, next);
  }
}
