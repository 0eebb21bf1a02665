package io.tokenmaxx.collect.otlp;

/**
 * A request that cannot be decoded at all: the whole body is refused with {@link #httpStatus()}
 * (400 undecodable, 413 too large, 415 unsupported content type or encoding) and a message naming
 * what was wrong. Items that are individually bad do not throw; they are counted as rejected in
 * the {@link OtlpBatch}.
 */
public final class OtlpDecodeException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;

  public OtlpDecodeException(int httpStatus, String message) {
    super(message);
    this.httpStatus = httpStatus;
  }

  public OtlpDecodeException(int httpStatus, String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
  }

  /** 400, 413 or 415. */
  public int httpStatus() {
    return httpStatus;
  }
}
