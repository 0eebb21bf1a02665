package io.tokenmaxx.analyze;

import java.util.Arrays;
import java.util.Locale;

/** What a {@link Viewer} may see: everyone, their reporting subtree, or themselves. */
public enum Role {
  /** Sees every person individually and every aggregate, however small. */
  ADMIN,
  /** Sees the people who report to them (directly or not) individually, and aggregates of at least k people. */
  MANAGER,
  /** Sees themselves individually, and aggregates of at least k people. */
  MEMBER;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String label) {
    try {
      return valueOf(label.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown role '" + label + "', expected one of "
          + Arrays.stream(values()).map(Role::label).toList());
    }
  }
}
