package io.tokenmaxx.account;

import java.util.Arrays;
import java.util.Locale;

/** What a dashboard account may see. */
public enum Role {
  /** Everything, named; manages accounts and tokens; reads the audit log. */
  ADMIN,
  /** Their reporting subtree person by person, the rest of the organization as aggregates. */
  MANAGER,
  /** Their own data, and the organization as aggregates. */
  MEMBER;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String label) {
    try {
      return valueOf(label.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("unknown role '" + label + "', expected one of "
          + Arrays.stream(values()).map(Role::label).toList());
    }
  }
}
