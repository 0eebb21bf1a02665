package io.tokenmaxx.checkin;

import java.util.Arrays;
import java.util.Locale;

/** Who may read a check-in besides its author. */
public enum Visibility {
  /** The author only. */
  PRIVATE,
  /** The author's team, their managers up the chain, and admins (the default). */
  TEAM,
  /** Everyone in the organization. */
  ORGANIZATION;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Visibility parse(String label) {
    String l = label == null ? "" : label.trim().toUpperCase(Locale.ROOT);
    if (l.equals("ORG")) return ORGANIZATION;
    try {
      return valueOf(l);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown visibility '" + label + "', expected one of "
          + Arrays.stream(values()).map(Visibility::label).toList());
    }
  }
}
