package io.tokenmaxx.gateway.budget;

import java.util.Locale;
import java.util.Objects;

/** Whose consumption a budget or limit counts: one key, one person, or one team. */
public record BudgetScope(Kind kind, String id) {
  public enum Kind { KEY, PERSON, TEAM }

  public BudgetScope {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) throw new IllegalArgumentException("a budget scope needs an id");
  }

  /** Parses {@code key:ID}, {@code person:ID} or {@code team:ID}. */
  public static BudgetScope parse(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon <= 0) throw new IllegalArgumentException("must be key:ID, person:ID or team:ID, was '" + text + "'");
    Kind k;
    try {
      k = Kind.valueOf(text.substring(0, colon).trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must start with key:, person: or team:, was '" + text + "'");
    }
    return new BudgetScope(k, text.substring(colon + 1).trim());
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + ":" + id;
  }
}
