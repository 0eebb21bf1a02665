package io.tokenmaxx.identity;

import io.tokenmaxx.model.RawIdentity;
import java.util.Objects;

/** One identity of a person: an e-mail, an agent account uuid, a user.id hash, a key id, a git e-mail. */
public record Alias(RawIdentity identity, String person) {
  public Alias {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(person, "person");
    if (person.isBlank()) throw new IllegalArgumentException("alias " + identity + ": person must not be blank");
  }
}
