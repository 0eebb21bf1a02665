package io.tokenmaxx.component;

/** Result of {@link Component#check()}: ok, or the error that makes it not ok. */
public record CheckResult(boolean ok, String component, Throwable error) {

  public static CheckResult ok(String component) {
    return new CheckResult(true, component, null);
  }

  public static CheckResult failed(String component, Throwable error) {
    return new CheckResult(false, component, error);
  }

  /** A message a person can act on; empty when ok. */
  public String message() {
    if (ok) return "";
    String m = error.getMessage();
    return error.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
