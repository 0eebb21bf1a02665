package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.identity.ApiToken;
import io.tokenmaxx.identity.TokenScope;
import io.tokenmaxx.identity.TokenSecrets;
import io.tokenmaxx.identity.TokenStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link TokenStore} in SQL: the {@code api_token} table keeps ids, hashes, scope and times. */
public final class JdbcTokenStore implements TokenStore {
  private final Transactions tx;
  private final Dialect dialect;
  private final Clock clock;

  public JdbcTokenStore(Transactions tx, Dialect dialect, Clock clock) {
    this.tx = tx;
    this.dialect = dialect;
    this.clock = clock;
  }

  @Override
  public NewToken create(TokenScope scope, String person, String team, String description) {
    Objects.requireNonNull(scope, "scope");
    person = blankToNull(person);
    team = blankToNull(team);
    if ((scope == TokenScope.INGEST || scope == TokenScope.GATEWAY) && person == null && team == null) {
      throw new IllegalArgumentException("an " + scope.label() + " token belongs to a person or a team: give one");
    }
    RecordChecks.checkText("token", "person", person);
    RecordChecks.checkText("token", "team", team);
    RecordChecks.checkText("token", "description", description);
    String secret = TokenSecrets.newSecret();
    JdbcDirectory.Timestamp now = new JdbcDirectory.Timestamp(clock);
    ApiToken token = new ApiToken(TokenSecrets.newId(), scope, person, team, description, now.instant(), null);
    List<Object> v = new ArrayList<>();
    v.add(token.id());
    v.add(TokenSecrets.hash(secret));
    v.add(scope.label());
    v.add(person);
    v.add(team);
    v.add(description);
    v.add(now.value());
    tx.write("create a token", c -> JdbcDirectory.update(c, "INSERT INTO api_token (id, token_hash, scope, person, "
        + "team, description, created_at) VALUES " + Values.placeholders(1, 7), v));
    return new NewToken(token, secret);
  }

  @Override
  public Optional<ApiToken> authenticate(String secret) {
    if (secret == null || secret.isBlank()) return Optional.empty();
    List<ApiToken> found = select(" WHERE token_hash = ? AND revoked_at IS NULL", List.of(TokenSecrets.hash(secret.strip())));
    return found.stream().findFirst();
  }

  @Override
  public Optional<ApiToken> findByHash(String secretHash) {
    if (secretHash == null || secretHash.isBlank()) return Optional.empty();
    return select(" WHERE token_hash = ?", List.of(secretHash)).stream().findFirst();
  }

  @Override
  public boolean revoke(String id) {
    Objects.requireNonNull(id, "id");
    List<Object> v = new ArrayList<>();
    v.add(new JdbcDirectory.Timestamp(clock).value());
    v.add(id);
    return tx.write("revoke token " + id, c -> JdbcDirectory.update(c,
        "UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", v) > 0);
  }

  @Override
  public List<ApiToken> list() {
    List<ApiToken> out = select("", List.of());
    out.sort(Comparator.comparing(ApiToken::created).thenComparing(ApiToken::id));
    return out;
  }

  private List<ApiToken> select(String where, List<Object> values) {
    List<ApiToken> out = new ArrayList<>();
    tx.read("read tokens", c -> {
      JdbcDirectory.query(c, "SELECT id, scope, person, team, description, " + dialect.epochMicros("created_at")
          + ", " + dialect.epochMicros("revoked_at") + " FROM api_token" + where, values, rs -> out.add(token(rs)));
      return null;
    });
    return out;
  }

  private static ApiToken token(ResultSet rs) throws SQLException {
    long created = rs.getLong(6);
    long revoked = rs.getLong(7);
    Instant revokedAt = rs.wasNull() ? null : Rows.instant(revoked, 0);
    return new ApiToken(rs.getString(1), TokenScope.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
        rs.getString(5), Rows.instant(created, 0), revokedAt);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
