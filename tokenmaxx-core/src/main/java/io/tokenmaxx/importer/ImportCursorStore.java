package io.tokenmaxx.importer;

import java.util.List;
import java.util.Optional;

/**
 * Keeps each import source's {@link ImportCursor} across restarts. Durable on return: a cursor is
 * saved only after the records it accounts for were stored, so a restart re-reads at most the day
 * that was being pulled (record ids make that idempotent).
 */
public interface ImportCursorStore {

  Optional<ImportCursor> load(String source);

  /** Every source's cursor, ordered by source. */
  List<ImportCursor> all();

  /** Inserts or replaces the cursor of {@code cursor.source()}. */
  void save(ImportCursor cursor);
}
