package io.tokenmaxx.storage.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.account.Account;
import io.tokenmaxx.account.AccountStore;
import io.tokenmaxx.analyze.Role;
import io.tokenmaxx.account.SessionStore;
import io.tokenmaxx.account.SignInSession;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Dashboard accounts and sign-in sessions: hashes only, unique e-mails, expiry by idle and absolute time. */
public abstract class ITAccounts extends StorageTest {

  AccountStore accounts() {
    return storage.accounts();
  }

  SessionStore sessions() {
    return storage.sessions();
  }

  @Test
  void anAccountIsFoundByIdAndCaseInsensitiveEmail() {
    Account a = accounts().create(" Ana@Example.COM ", "p1", Role.MANAGER, "$argon2id$v=19$m=1,t=1,p=1$aaa$bbb");

    assertThat(a.id()).startsWith("acc_");
    assertThat(a.email()).isEqualTo("ana@example.com");
    assertThat(a.disabled()).isFalse();
    assertThat(a.lastSignIn()).isNull();
    assertThat(accounts().byId(a.id())).contains(a);
    assertThat(accounts().byEmail("ANA@example.com")).contains(a);
    assertThat(accounts().passwordHash(a.id())).contains("$argon2id$v=19$m=1,t=1,p=1$aaa$bbb");
    assertThat(accounts().byEmail("bo@example.com")).isEmpty();
    assertThat(accounts().byId("acc_nope")).isEmpty();
  }

  @Test
  void oneAccountPerEmail() {
    accounts().create("ana@example.com", null, Role.MEMBER, "h");
    assertThatThrownBy(() -> accounts().create("ANA@example.com", null, Role.ADMIN, "h"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ana@example.com");
    assertThat(accounts().list()).hasSize(1);
  }

  @Test
  void roleDisabledPasswordPersonAndSignInChange() {
    Account a = accounts().create("bo@example.com", null, Role.MEMBER, "h1");
    Instant at = Instant.parse("2025-03-01T10:15:30.123456Z");

    assertThat(accounts().setRole(a.id(), Role.ADMIN)).isTrue();
    assertThat(accounts().setDisabled(a.id(), true)).isTrue();
    assertThat(accounts().setPasswordHash(a.id(), "h2")).isTrue();
    assertThat(accounts().setPerson(a.id(), "p7")).isTrue();
    accounts().recordSignIn(a.id(), at);

    Account b = accounts().byId(a.id()).orElseThrow();
    assertThat(b.role()).isEqualTo(Role.ADMIN);
    assertThat(b.disabled()).isTrue();
    assertThat(b.person()).isEqualTo("p7");
    assertThat(b.lastSignIn()).isEqualTo(at);
    assertThat(accounts().passwordHash(a.id())).contains("h2");
    assertThat(accounts().setRole("acc_nope", Role.ADMIN)).isFalse();
  }

  @Test
  void listIsOrderedByEmail() {
    accounts().create("zed@example.com", null, Role.MEMBER, "h");
    accounts().create("amy@example.com", null, Role.ADMIN, "h");
    assertThat(accounts().list()).extracting(Account::email).containsExactly("amy@example.com", "zed@example.com");
  }

  @Test
  void sessionsAreFoundTouchedAndEnded() {
    Instant t0 = Instant.parse("2025-03-01T10:00:00Z");
    SignInSession s = new SignInSession("hash1", "acc_1", "csrf1", t0, t0, t0.plus(12, ChronoUnit.HOURS));
    sessions().create(s);
    sessions().create(new SignInSession("hash2", "acc_1", "csrf2", t0, t0, t0.plus(12, ChronoUnit.HOURS)));
    sessions().create(new SignInSession("hash3", "acc_2", "csrf3", t0, t0, t0.plus(12, ChronoUnit.HOURS)));

    assertThat(sessions().find("hash1")).contains(s);
    assertThat(sessions().touch("hash1", t0.plusSeconds(90))).isTrue();
    assertThat(sessions().find("hash1").orElseThrow().lastSeen()).isEqualTo(t0.plusSeconds(90));
    assertThat(sessions().delete("hash1")).isTrue();
    assertThat(sessions().delete("hash1")).isFalse();
    assertThat(sessions().touch("hash1", t0)).isFalse();
    assertThat(sessions().deleteForAccount("acc_1")).isEqualTo(1);
    assertThat(sessions().find("hash2")).isEmpty();
    assertThat(sessions().find("hash3")).isPresent();
  }

  @Test
  void expiredSessionsAreRemovedByIdleOrAbsoluteTime() {
    Instant t0 = Instant.parse("2025-03-01T10:00:00Z");
    sessions().create(new SignInSession("idle", "a", "c", t0, t0, t0.plus(12, ChronoUnit.HOURS)));
    sessions().create(new SignInSession("old", "a", "c", t0, t0.plusSeconds(3600), t0.plusSeconds(3601)));
    sessions().create(new SignInSession("live", "a", "c", t0, t0.plusSeconds(3600), t0.plus(12, ChronoUnit.HOURS)));

    int removed = sessions().deleteExpired(t0.plusSeconds(1800), t0.plusSeconds(3700));

    assertThat(removed).isEqualTo(2);
    assertThat(sessions().find("live")).isPresent();
    assertThat(sessions().find("idle")).isEmpty();
    assertThat(sessions().find("old")).isEmpty();
  }
}
