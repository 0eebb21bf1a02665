package io.tokenmaxx.storage;

/**
 * A storage backend could not do what was asked for a reason other than bad input (which is an
 * {@link IllegalArgumentException}): the database is unreachable, locked, full or broken. Callers
 * that acknowledge records upstream treat it as retryable.
 */
public class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public StorageException(String message) {
    super(message);
  }
}
