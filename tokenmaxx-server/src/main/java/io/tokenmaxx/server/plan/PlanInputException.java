package io.tokenmaxx.server.plan;

/** A plan request field that cannot be used; names the field. */
public final class PlanInputException extends IllegalArgumentException {
  private final String field;

  public PlanInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
