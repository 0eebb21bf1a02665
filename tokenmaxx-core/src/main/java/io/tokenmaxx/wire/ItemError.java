package io.tokenmaxx.wire;

/**
 * Why one item of a batch was refused: its 0-based position in the batch, its id when it had one,
 * the field that was wrong (null when the item as a whole was), and why.
 */
public record ItemError(int index, String id, String field, String message) {
  @Override
  public String toString() {
    return "item " + index + (id == null ? "" : " (id " + id + ")")
        + (field == null ? "" : ", field '" + field + "'") + ": " + message;
  }
}
