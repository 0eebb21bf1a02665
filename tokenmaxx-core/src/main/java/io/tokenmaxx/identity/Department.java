package io.tokenmaxx.identity;

import java.util.Objects;

/** A department of the organization. */
public record Department(String id, String name) {
  public Department {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) throw new IllegalArgumentException("department id must not be blank");
  }
}
