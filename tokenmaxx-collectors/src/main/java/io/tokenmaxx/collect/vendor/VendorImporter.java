package io.tokenmaxx.collect.vendor;

import java.time.LocalDate;
import java.util.List;

/**
 * One vendor's importer: what its admin API reports for a UTC day, as records. Implementations
 * follow the vendor's documented pagination and limits, retry 429 and 5xx as the vendor asks, and
 * give records stable ids so a day can be pulled again (a restart, an overlapping window, a
 * revision) without counting anything twice.
 */
public interface VendorImporter {

  Vendor vendor();

  /** The record streams this importer writes (id prefixes {@code import:<stream>:}). */
  List<String> streams();

  /**
   * Pulls every stream for {@code day} into {@code sink}, calling {@link ImportSink#dayComplete}
   * for each stream once the day was read in full. Returns how many records were stored.
   *
   * @throws VendorException when the vendor answers with an error or cannot be reached
   */
  long pullDay(LocalDate day, ImportSink sink) throws InterruptedException;

  /**
   * Reads what the vendor reports as current state rather than per day — its users and keys,
   * handed to {@link ImportSink#identities} linked as far as the vendor says, and for GitHub
   * Copilot the seats' last activity — once per pull, before the days. Returns records stored.
   *
   * @throws VendorException when the vendor answers with an error or cannot be reached
   */
  long pullDirectory(ImportSink sink) throws InterruptedException;
}
