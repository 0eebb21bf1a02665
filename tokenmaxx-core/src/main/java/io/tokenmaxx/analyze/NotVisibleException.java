package io.tokenmaxx.analyze;

/**
 * The viewer asked for person-level data they may not see (a person outside their scope, or an
 * admin-only table). The HTTP layer answers 403; pages show "not available".
 */
public class NotVisibleException extends RuntimeException {
  public NotVisibleException(String message) {
    super(message);
  }
}
