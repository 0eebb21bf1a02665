package io.tokenmaxx.server.importer;

import io.tokenmaxx.collect.vendor.RunResult;
import io.tokenmaxx.collect.vendor.SourceStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** JSON bodies of the import API (never an admin key: only where it came from). */
public final class ImportSchema {
  private ImportSchema() {}

  /**
   * One configured source.
   *
   * @param state {@code ok}, {@code failing}, {@code running} or {@code not yet run}
   */
  public record Source(String source, String state, String baseUrl, String interval, String keyFrom,
      LocalDate completeThrough, Instant lastAttempt, Instant lastSuccess, String lastError, int consecutiveFailures,
      long recordsImported, Instant nextRun) {
    static Source of(SourceStatus s) {
      var c = s.cursor();
      return new Source(s.source(), ImportSchema.state(s), s.baseUrl().toString(), s.interval().toString(), s.keyOrigin(),
          c.completeThrough(), c.lastAttempt(), c.lastSuccess(), c.lastError(), c.consecutiveFailures(),
          c.recordsImported(), c.nextRun());
    }
  }

  static String state(SourceStatus s) {
    if (s.running()) return "running";
    if (s.failing()) return "failing";
    return s.cursor().lastSuccess() == null ? "not yet run" : "ok";
  }

  public record SourceList(List<Source> sources) {}

  /** What a run did: the days read in full, records stored, the vendor's error if it failed. */
  public record Run(String source, LocalDate from, LocalDate through, long records, String error, boolean ok) {
    static Run of(RunResult r) {
      return new Run(r.source(), r.from(), r.through(), r.records(), r.error(), r.ok());
    }
  }

  /** {@code PUT /api/v1/importers/{vendor}}: a source's settings (durations like 1h, days as numbers). */
  public record Configure(String adminKey, String baseUrl, String interval, Integer backfill, Integer reread,
      String organization, Integer pageSize) {}

  /** A source removed. */
  public record Removed(String removed) {}

  /** A run started in the background. */
  public record Started(String source, String state) {}

  /** What a CSV file import stored, and the rows it could not read (line: reason). */
  public record FileImport(String vendor, long records, List<String> errors) {}
}
