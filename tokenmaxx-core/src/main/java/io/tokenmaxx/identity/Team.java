package io.tokenmaxx.identity;

import java.util.Objects;

/** A team, belonging to a department (may be null). */
public record Team(String id, String name, String department) {
  public Team {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) throw new IllegalArgumentException("team id must not be blank");
  }
}
