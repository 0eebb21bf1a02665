package io.tokenmaxx.server.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AuthPartsTest {
  static final Passwords CHEAP = new Passwords(1024, 1, 1);

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-03-13T10:00:00Z");

    @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  @Test
  void passwordsAreArgon2idWithARandomSaltAndVerifyOnlyThemselves() {
    String h1 = CHEAP.hash("correct horse battery");
    String h2 = CHEAP.hash("correct horse battery");
    assertThat(h1).startsWith("$argon2id$v=19$").isNotEqualTo(h2);
    assertThat(CHEAP.verify("correct horse battery", h1)).isTrue();
    assertThat(CHEAP.verify("correct horse batterY", h1)).isFalse();
    assertThat(CHEAP.verify("correct horse battery", "not a hash")).isFalse();
    assertThat(CHEAP.verify(null, h1)).isFalse();
    assertThat(CHEAP.verify("x", null)).isFalse();
  }

  @Test
  void theDefaultCostIsOwaspsMinimum() {
    assertThat(new Passwords().hash("correct horse battery")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void generatedPasswordsAreLongDistinctAndAcceptable(long seed) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String p = Passwords.generate();
      assertThat(p).matches("([a-km-zA-HJ-NP-Z2-9]{5}-){3}[a-km-zA-HJ-NP-Z2-9]{5}");
      assertThat(Passwords.weakness(p)).isNull();
      assertThat(seen.add(p)).isTrue();
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    String shortOne = "x".repeat(rnd.nextInt(Passwords.MIN_LENGTH));
    assertThat(Passwords.weakness(shortOne)).contains("at least 12");
    assertThat(Passwords.weakness("aaaaaaaaaaaaaaaa")).contains("repeat");
  }

  @Test
  void throttleCountsFailuresPerAccountAndAddressInASlidingWindow() {
    MovableClock clock = new MovableClock();
    LoginThrottle t = new LoginThrottle(clock, Duration.ofMinutes(15), 3, 5, 8);
    for (int i = 0; i < 3; i++) {
      assertThat(t.retryAfter("Ana@x", "10.0.0.1")).isZero();
      t.failed("ana@x", "10.0.0.1");
      clock.now = clock.now.plusSeconds(60);
    }
    // The address that failed is held back for this account; the account's owner elsewhere is not.
    Duration wait = t.retryAfter("ANA@X", "10.0.0.1");
    assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(13));
    assertThat(t.retryAfter("ana@x", "10.0.0.9")).as("a stranger cannot lock the owner out").isZero();
    assertThat(t.retryAfter("bo@x", "10.0.0.1")).isZero();
    clock.now = clock.now.plus(wait);
    assertThat(t.retryAfter("ana@x", "10.0.0.1")).isZero();

    // Per address: many accounts from one place.
    for (int i = 0; i < 5; i++) t.failed("user" + i + "@x", "10.0.0.2");
    assertThat(t.retryAfter("fresh@x", "10.0.0.2")).isPositive();
    assertThat(t.retryAfter("fresh@x", "10.0.0.3")).isZero();

    // Per account from many addresses: guessing spread out is still stopped, at a higher count.
    for (int i = 0; i < 8; i++) t.failed("dee@x", "10.1.0." + i);
    assertThat(t.retryAfter("dee@x", "10.9.9.9")).isPositive();

    t.failed("cy@x", "10.0.0.4");
    t.failed("cy@x", "10.0.0.4");
    t.succeeded("cy@x");
    t.failed("cy@x", "10.0.0.4");
    assertThat(t.retryAfter("cy@x", "10.0.0.4")).isZero();
  }

  @Test
  void onlyPathsOfThisSiteAreFollowedAfterSignIn() {
    assertThat(LoginPage.safeNext("/usage?tool=codex")).isEqualTo("/usage?tool=codex");
    for (String bad : new String[] {null, "", "//evil.example", "https://evil.example", "/\\evil", "javascript:x",
        "/login?next=/x", "/a\nb", "/a b"}) {
      assertThat(LoginPage.safeNext(bad)).as(String.valueOf(bad)).isEqualTo("/overview");
    }
  }

  @Test
  void csrfTokensCompareExactly() {
    assertThat(Csrf.equal("abc", "abc")).isTrue();
    assertThat(Csrf.equal("abc", "abd")).isFalse();
    assertThat(Csrf.equal("abc", "abcd")).isFalse();
    assertThat(Csrf.equal("", "abc")).isFalse();
  }

  @Test
  void sessionIdsAre256BitsOfUrlSafeRandom() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      String id = Sessions.random();
      assertThat(id).hasSize(43).matches("[A-Za-z0-9_-]+");
      assertThat(ids.add(id)).isTrue();
    }
  }
}
