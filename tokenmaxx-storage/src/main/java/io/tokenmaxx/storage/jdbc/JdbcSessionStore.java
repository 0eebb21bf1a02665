package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.account.SessionStore;
import io.tokenmaxx.account.SignInSession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link SessionStore} in SQL: the {@code web_session} table, keyed by the hash of the session id. */
public final class JdbcSessionStore implements SessionStore {
  private final Transactions tx;
  private final Dialect dialect;

  public JdbcSessionStore(Transactions tx, Dialect dialect) {
    this.tx = tx;
    this.dialect = dialect;
  }

  @Override
  public void create(SignInSession s) {
    List<Object> v = new ArrayList<>(List.of(s.idHash(), s.account(), s.csrfToken()));
    v.add(ts(s.created()));
    v.add(ts(s.lastSeen()));
    v.add(ts(s.expires()));
    tx.write("create a session", c -> JdbcDirectory.update(c, "INSERT INTO web_session (id_hash, account, "
        + "csrf_token, created_at, last_seen, expires_at) VALUES " + Values.placeholders(1, 6), v));
  }

  @Override
  public Optional<SignInSession> find(String idHash) {
    List<SignInSession> out = new ArrayList<>();
    tx.read("read a session", c -> {
      JdbcDirectory.query(c, "SELECT id_hash, account, csrf_token, " + dialect.epochMicros("created_at") + ", "
          + dialect.epochMicros("last_seen") + ", " + dialect.epochMicros("expires_at")
          + " FROM web_session WHERE id_hash = ?", List.of(idHash), rs -> out.add(session(rs)));
      return null;
    });
    return out.stream().findFirst();
  }

  @Override
  public boolean touch(String idHash, Instant lastSeen) {
    List<Object> v = new ArrayList<>();
    v.add(ts(lastSeen));
    v.add(idHash);
    return tx.write("record session activity", c ->
        JdbcDirectory.update(c, "UPDATE web_session SET last_seen = ? WHERE id_hash = ?", v) > 0);
  }

  @Override
  public boolean delete(String idHash) {
    return tx.write("end a session", c ->
        JdbcDirectory.update(c, "DELETE FROM web_session WHERE id_hash = ?", List.of(idHash)) > 0);
  }

  @Override
  public int deleteForAccount(String account) {
    return tx.write("end the sessions of an account", c ->
        (int) JdbcDirectory.update(c, "DELETE FROM web_session WHERE account = ?", List.of(account)));
  }

  @Override
  public int deleteExpired(Instant idleBefore, Instant now) {
    List<Object> v = new ArrayList<>();
    v.add(ts(idleBefore));
    v.add(ts(now));
    return tx.write("remove expired sessions", c ->
        (int) JdbcDirectory.update(c, "DELETE FROM web_session WHERE last_seen < ? OR expires_at <= ?", v));
  }

  private static OffsetDateTime ts(Instant i) {
    return OffsetDateTime.ofInstant(i.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  private static SignInSession session(ResultSet rs) throws SQLException {
    return new SignInSession(rs.getString(1), rs.getString(2), rs.getString(3), Rows.instant(rs.getLong(4), 0),
        Rows.instant(rs.getLong(5), 0), Rows.instant(rs.getLong(6), 0));
  }
}
