package io.tokenmaxx.collect.vendor;

/**
 * A vendor's API answered with an error, or could not be reached. The message is the vendor's own
 * (status and error text), never a secret; it is what the admin page shows for a failing source.
 */
public final class VendorException extends RuntimeException {
  private final int status;
  private final java.time.Duration retryAfter;

  public VendorException(String message, int status, Throwable cause) {
    this(message, status, cause, null);
  }

  /** @param retryAfter how long the vendor asked to wait (its {@code Retry-After}), null if it did not */
  public VendorException(String message, int status, Throwable cause, java.time.Duration retryAfter) {
    super(message, cause);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /** How long the vendor asked the caller to wait before trying again, or null. */
  public java.time.Duration retryAfter() {
    return retryAfter;
  }

  public VendorException(String message) {
    this(message, 0, null);
  }

  /** The HTTP status, 0 when no answer came (connection refused, timeout, bad body). */
  public int status() {
    return status;
  }
}
