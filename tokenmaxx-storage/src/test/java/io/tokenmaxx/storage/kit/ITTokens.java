package io.tokenmaxx.storage.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.identity.ApiToken;
import io.tokenmaxx.identity.TokenScope;
import io.tokenmaxx.identity.TokenSecrets;
import io.tokenmaxx.identity.TokenStore;
import io.tokenmaxx.identity.TokenStore.NewToken;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Tokens: the secret is shown once, kept as a hash, authenticates until revoked. */
public abstract class ITTokens extends StorageTest {

  TokenStore tokens() {
    return storage.tokens();
  }

  @Test
  void aCreatedTokenAuthenticatesUntilRevoked() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
    NewToken t = tokens().create(TokenScope.INGEST, "ana", null, "laptop push");
    Instant after = Instant.now();

    assertThat(t.secret()).startsWith(TokenSecrets.PREFIX).hasSizeGreaterThan(40);
    assertThat(t.toString()).doesNotContain(t.secret());
    assertThat(t.token().id()).startsWith("tok_");
    assertThat(t.token().created()).isBetween(before, after);
    assertThat(tokens().authenticate(t.secret())).contains(t.token());
    assertThat(tokens().authenticate(" " + t.secret() + "\n")).contains(t.token());

    assertThat(tokens().revoke(t.token().id())).isTrue();
    assertThat(tokens().revoke(t.token().id())).isFalse();
    assertThat(tokens().authenticate(t.secret())).isEmpty();
    ApiToken listed = tokens().list().getFirst();
    assertThat(listed.active()).isFalse();
    assertThat(listed.revoked()).isAfterOrEqualTo(listed.created());
  }

  @Test
  void wrongOrMissingSecretsAuthenticateNothing() {
    NewToken t = tokens().create(TokenScope.ADMIN, null, null, null);
    assertThat(tokens().authenticate(t.secret() + "x")).isEmpty();
    assertThat(tokens().authenticate(TokenSecrets.hash(t.secret()))).isEmpty(); // the stored hash is no secret
    assertThat(tokens().authenticate(null)).isEmpty();
    assertThat(tokens().authenticate("")).isEmpty();
    assertThat(tokens().revoke("tok_nope")).isFalse();
  }

  @Test
  void listShowsEveryTokenWithItsScopeAndOwner() {
    NewToken a = tokens().create(TokenScope.INGEST, null, "web", "team token");
    NewToken b = tokens().create(TokenScope.READ, "bo", null, null);
    NewToken c = tokens().create(TokenScope.ADMIN, null, null, "first admin");

    assertThat(tokens().list()).containsExactlyInAnyOrder(a.token(), b.token(), c.token());
    assertThat(tokens().list()).isSortedAccordingTo(java.util.Comparator.comparing(ApiToken::created));
  }

  @Test
  void anIngestTokenBelongsToSomeone() {
    assertThatThrownBy(() -> tokens().create(TokenScope.INGEST, " ", null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("person or a team");
    assertThat(tokens().list()).isEmpty();
  }

  @Test
  void aGatewayKeyBelongsToSomeoneAndIsFoundByHashEvenWhenRevoked() {
    assertThatThrownBy(() -> tokens().create(TokenScope.GATEWAY, null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gateway token belongs to a person or a team");
    NewToken k = tokens().create(TokenScope.GATEWAY, "ana", "web", "notebook");
    String hash = TokenSecrets.hash(k.secret());

    assertThat(tokens().findByHash(hash)).contains(k.token());
    assertThat(tokens().findByHash(TokenSecrets.hash(k.secret() + "x"))).isEmpty();
    assertThat(tokens().findByHash(null)).isEmpty();
    tokens().revoke(k.token().id());
    assertThat(tokens().findByHash(hash)).hasValueSatisfying(t -> {
      assertThat(t.active()).isFalse();
      assertThat(t.scope()).isEqualTo(TokenScope.GATEWAY);
      assertThat(t.person()).isEqualTo("ana");
    });
  }
}
