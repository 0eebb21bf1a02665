package io.tokenmaxx.storage;

import java.util.Arrays;
import java.util.Locale;

/**
 * What usage can be grouped by. Time dimensions bucket the record's timestamp in the query's time
 * zone: DAY as {@code yyyy-MM-dd}, WEEK as the {@code yyyy-MM-dd} of the week's first day (the
 * query's week start), MONTH as {@code yyyy-MM}, HOUR as {@code yyyy-MM-ddTHH}.
 */
public enum Dimension {
  HOUR, DAY, WEEK, MONTH, SESSION, PROJECT, TOOL, PROVIDER, MODEL, PERSON, SOURCE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isTime() {
    return this == HOUR || this == DAY || this == WEEK || this == MONTH;
  }

  public static Dimension parse(String label) {
    try {
      return valueOf(label.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown dimension '" + label + "', expected one of "
          + Arrays.stream(values()).map(Dimension::label).toList());
    }
  }
}
