package io.tokenmaxx.identity;

import java.util.List;

/**
 * The result of reading a directory export: the people and aliases that were valid, and one error
 * per row that was not (the good rows are kept — a bad row never loses the rest of the file).
 */
public record DirectoryImport(List<Person> people, List<Alias> aliases, List<RowError> errors) {

  /** What was wrong with one row: its 1-based line number, the column and why. */
  public record RowError(long line, String column, String message) {
    @Override
    public String toString() {
      return "line " + line + (column == null ? "" : ", column '" + column + "'") + ": " + message;
    }
  }
}
