package io.tokenmaxx.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A token as stored: never the secret itself, only its hash ({@link TokenSecrets#hash}).
 *
 * @param id          public id, safe to show and log ({@code tok_...})
 * @param scope       what it may do
 * @param person      the person it sends for, or null
 * @param team        the team it sends for, or null
 * @param description what it is for, may be null
 * @param created     when it was created
 * @param revoked     when it was revoked, null while active
 */
public record ApiToken(String id, TokenScope scope, String person, String team, String description,
    Instant created, Instant revoked) {

  public ApiToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(created, "created");
  }

  public boolean active() {
    return revoked == null;
  }
}
