package io.tokenmaxx.importer;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** An {@link ImportCursorStore} in memory: for one-off pulls, tests, and a server without a store. */
public final class InMemoryImportCursorStore implements ImportCursorStore {
  private final ConcurrentSkipListMap<String, ImportCursor> cursors = new ConcurrentSkipListMap<>();

  @Override
  public Optional<ImportCursor> load(String source) {
    return Optional.ofNullable(cursors.get(source));
  }

  @Override
  public List<ImportCursor> all() {
    return List.copyOf(cursors.values());
  }

  @Override
  public void save(ImportCursor cursor) {
    cursors.put(cursor.source(), cursor);
  }
}
