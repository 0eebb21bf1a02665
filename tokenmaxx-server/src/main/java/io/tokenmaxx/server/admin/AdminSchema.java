package io.tokenmaxx.server.admin;

import io.tokenmaxx.identity.ApiToken;
import io.tokenmaxx.identity.Person;
import java.time.Instant;
import java.util.List;

/** Bodies of the token and directory administration API (answers, and the OpenAPI document). */
public final class AdminSchema {
  private AdminSchema() {}

  /** {@code POST /api/v1/tokens}: scope ingest (default), read or admin; an ingest token names a person or a team. */
  public record TokenRequest(String scope, String person, String team, String description, String strategy,
      List<String> models) {}

  /** A token as listed: never its secret. */
  public record TokenView(String id, String scope, String person, String team, String description,
      Instant created, Instant revoked, String strategy, List<String> models) {
    static TokenView of(ApiToken t, io.tokenmaxx.metering.KeyRouting r) {
      boolean gateway = t.scope() == io.tokenmaxx.identity.TokenScope.GATEWAY;
      return new TokenView(t.id(), t.scope().label(), t.person(), t.team(), t.description(), t.created(), t.revoked(),
          r == null ? null : r.strategy(), gateway ? (r == null ? List.of() : r.models()) : null);
    }
  }

  /** A new token with its secret, shown this once. */
  public record CreatedToken(String id, String scope, String person, String team, String description,
      Instant created, String secret, String note, String strategy, List<String> models) {}

  public record TokenList(List<TokenView> tokens) {}

  public record Revoked(String revoked) {}

  /** Records given a person by new aliases. */
  public record Reattributed(long usage, long outcomes) {}

  /** What a directory import changed, and one message per row that was not imported. */
  public record ImportAnswer(int people, int teams, int departments, int aliases, Reattributed reattributed,
      List<String> errors) {}

  /** One identity ({@code kind:value} or an e-mail) of a person (id). */
  public record AliasItem(String identity, String person) {}

  public record AliasRequest(List<AliasItem> aliases) {}

  public record AliasAnswer(int aliases, Reattributed reattributed) {}

  public record AliasList(List<AliasItem> aliases) {}

  public record PeopleList(List<Person> people) {}
}
