package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.account.Account;
import io.tokenmaxx.account.AccountStore;
import io.tokenmaxx.analyze.Role;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** {@link AccountStore} in SQL: the {@code web_account} table. */
public final class JdbcAccountStore implements AccountStore {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Transactions tx;
  private final Dialect dialect;
  private final Clock clock;

  public JdbcAccountStore(Transactions tx, Dialect dialect, Clock clock) {
    this.tx = tx;
    this.dialect = dialect;
    this.clock = clock;
  }

  @Override
  public Account create(String email, String person, Role role, String passwordHash) {
    String e = normalize(email);
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(passwordHash, "passwordHash");
    RecordChecks.checkText("account " + e, "email", e);
    RecordChecks.checkText("account " + e, "person", person);
    byte[] b = new byte[9];
    RANDOM.nextBytes(b);
    JdbcDirectory.Timestamp now = new JdbcDirectory.Timestamp(clock);
    Account a = new Account("acc_" + HexFormat.of().formatHex(b), e, person, role, false, now.instant(), null);
    List<Object> v = new ArrayList<>(List.of(a.id(), e));
    v.add(person);
    v.add(role.label());
    v.add(passwordHash);
    v.add(now.value());
    return tx.write("create account " + e, c -> {
      List<Object> existing = new ArrayList<>();
      JdbcDirectory.query(c, "SELECT id FROM web_account WHERE email = ?", List.of(e), rs -> existing.add(rs.getString(1)));
      if (!existing.isEmpty()) throw new IllegalArgumentException("an account for " + e + " exists already");
      JdbcDirectory.update(c, "INSERT INTO web_account (id, email, person, role, password_hash, created_at) VALUES "
          + Values.placeholders(1, 6), v);
      return a;
    });
  }

  @Override
  public Optional<Account> byId(String id) {
    return select(" WHERE id = ?", List.of(id)).stream().findFirst();
  }

  @Override
  public Optional<Account> byEmail(String email) {
    if (email == null || email.isBlank()) return Optional.empty();
    return select(" WHERE email = ?", List.of(normalize(email))).stream().findFirst();
  }

  @Override
  public Optional<String> passwordHash(String id) {
    List<String> out = new ArrayList<>();
    tx.read("read an account", c -> {
      JdbcDirectory.query(c, "SELECT password_hash FROM web_account WHERE id = ?", List.of(id),
          rs -> out.add(rs.getString(1)));
      return null;
    });
    return out.stream().findFirst();
  }

  @Override
  public List<Account> list() {
    return select(" ORDER BY email", List.of());
  }

  @Override
  public boolean setPasswordHash(String id, String passwordHash) {
    return set("password_hash", Objects.requireNonNull(passwordHash, "passwordHash"), id);
  }

  @Override
  public boolean setRole(String id, Role role) {
    return set("role", role.label(), id);
  }

  @Override
  public boolean setDisabled(String id, boolean disabled) {
    return set("disabled", disabled, id);
  }

  @Override
  public boolean setPerson(String id, String person) {
    RecordChecks.checkText("account " + id, "person", person);
    return set("person", person, id);
  }

  @Override
  public void recordSignIn(String id, Instant at) {
    set("last_sign_in", OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC), id);
  }

  private boolean set(String column, Object value, String id) {
    List<Object> v = new ArrayList<>();
    v.add(value);
    v.add(id);
    return tx.write("update account " + id, c ->
        JdbcDirectory.update(c, "UPDATE web_account SET " + column + " = ? WHERE id = ?", v) > 0);
  }

  private List<Account> select(String where, List<Object> values) {
    List<Account> out = new ArrayList<>();
    tx.read("read accounts", c -> {
      JdbcDirectory.query(c, "SELECT id, email, person, role, disabled, " + dialect.epochMicros("created_at")
          + ", " + dialect.epochMicros("last_sign_in") + " FROM web_account" + where, values, rs -> out.add(account(rs)));
      return null;
    });
    return out;
  }

  private static Account account(ResultSet rs) throws SQLException {
    long created = rs.getLong(6);
    long last = rs.getLong(7);
    Instant lastSignIn = rs.wasNull() ? null : Rows.instant(last, 0);
    return new Account(rs.getString(1), rs.getString(2), rs.getString(3), Role.parse(rs.getString(4)),
        rs.getBoolean(5), Rows.instant(created, 0), lastSignIn);
  }

  private static String normalize(String email) {
    Objects.requireNonNull(email, "email");
    String e = email.strip().toLowerCase(Locale.ROOT);
    if (e.isEmpty()) throw new IllegalArgumentException("account e-mail must not be blank");
    return e;
  }
}
