package io.tokenmaxx.gateway.keys;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A gateway key ({@code tmx_...}) as stored: never the secret, only what it stands for.
 *
 * @param id          public id, safe to log and show
 * @param person      the person its usage is attributed to (null for a team key)
 * @param team        the team it counts against (a person's key: the person's team, may be null)
 * @param description what it is for
 * @param created     when it was made
 * @param revoked     when it was revoked, null while it works
 * @param strategy    routing strategy for this key's requests, overriding each route's (null: the route's)
 * @param models      models it may ask for; empty means any
 */
public record VirtualKey(String id, String person, String team, String description, Instant created,
    Instant revoked, String strategy, Set<String> models) {

  public VirtualKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(created, "created");
    if (person == null && team == null) throw new IllegalArgumentException("a key belongs to a person or a team");
    models = models == null ? Set.of() : Set.copyOf(models);
  }

  public boolean active() {
    return revoked == null;
  }

  public boolean allows(String model) {
    return models.isEmpty() || models.contains(model);
  }

  public VirtualKey revokedAt(Instant at) {
    return new VirtualKey(id, person, team, description, created, at, strategy, models);
  }
}
