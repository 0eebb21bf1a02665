package io.tokenmaxx.collect.vendor;

import io.tokenmaxx.importer.ImportCursor;
import java.net.URI;
import java.time.Duration;

/**
 * A configured source as an admin page shows it: never the key, only where it came from.
 *
 * @param source    the source's name (the vendor's id)
 * @param baseUrl   where it is pulled from
 * @param interval  how often
 * @param keyOrigin where the admin key came from (a setting, the environment, a file)
 * @param cursor    where it has got to: last success, last error, records imported, next run
 * @param running   whether a pull is under way
 */
public record SourceStatus(String source, URI baseUrl, Duration interval, String keyOrigin, ImportCursor cursor,
    boolean running) {
  public boolean failing() {
    return cursor.failing();
  }
}
