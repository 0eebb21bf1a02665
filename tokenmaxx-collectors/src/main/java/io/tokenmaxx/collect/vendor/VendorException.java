package io.tokenmaxx.collect.vendor;

/**
 * A vendor's API answered with an error, or could not be reached. The message is the vendor's own
 * (status and error text), never a secret; it is what the admin page shows for a failing source.
 */
public final class VendorException extends RuntimeException {
  private final int status;

  public VendorException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public VendorException(String message) {
    this(message, 0, null);
  }

  /** The HTTP status, 0 when no answer came (connection refused, timeout, bad body). */
  public int status() {
    return status;
  }
}
