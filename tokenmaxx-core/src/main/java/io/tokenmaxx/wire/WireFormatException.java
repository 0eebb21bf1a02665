package io.tokenmaxx.wire;

/** The body as a whole cannot be read (not JSON, wrong top-level shape); nothing was accepted. */
public final class WireFormatException extends RuntimeException {
  public WireFormatException(String message) {
    super(message);
  }
}
