package io.tokenmaxx.plan.catalog;

import java.util.List;

/** A model, GPU or API name that is not in the catalog; the message suggests close names. */
public final class UnknownNameException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> suggestions;

  UnknownNameException(String kind, String name, List<String> suggestions, List<String> known) {
    super(message(kind, name, suggestions, known));
    this.suggestions = List.copyOf(suggestions);
  }

  /** Catalog names close to the one asked for, best first. */
  public List<String> suggestions() {
    return suggestions;
  }

  private static String message(String kind, String name, List<String> suggestions, List<String> known) {
    StringBuilder b = new StringBuilder("unknown ").append(kind).append(" '").append(name).append("'");
    if (!suggestions.isEmpty()) b.append("; did you mean ").append(String.join(" or ", suggestions)).append("?");
    b.append(" Known ").append(kind).append("s: ").append(String.join(", ", known))
        .append(" (add others with --catalog FILE)");
    return b.toString();
  }
}
