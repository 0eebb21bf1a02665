package io.tokenmaxx.server.web.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.helidon.http.SetCookie;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.tokenmaxx.account.Account;
import io.tokenmaxx.account.AccountStore;
import io.tokenmaxx.account.SessionStore;
import io.tokenmaxx.account.SignInSession;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.identity.TokenSecrets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Sign-in sessions carried by a cookie: a random 256-bit id (HttpOnly, SameSite=Lax, Secure per
 * {@link CookieSettings}, {@code __Host-} prefixed when Secure) of which the store keeps only the
 * SHA-256. Signing in always issues a new id and ends the one the browser had (no fixation);
 * sessions end after an idle time and an absolute time; signing out deletes the stored session.
 */
public final class Sessions {
  static final String COOKIE = "tmx_session";
  static final String SECURE_COOKIE = "__Host-tmx_session";
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SessionStore sessions;
  private final AccountStore accounts;
  private final Directory directory;
  private final CookieSettings settings;
  private final Clock clock;
  private final Cache<String, Optional<SignInSession>> cache = Caffeine.newBuilder()
      .maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(20)).build();
  private volatile Instant lastSweep = Instant.EPOCH;

  public Sessions(SessionStore sessions, AccountStore accounts, Directory directory,
      CookieSettings settings, Clock clock) {
    this.sessions = sessions;
    this.accounts = accounts;
    this.directory = directory;
    this.settings = settings;
    this.clock = clock;
  }

  public CookieSettings settings() {
    return settings;
  }

  /** The signed-in account of this request, if its session is valid and the account enabled. */
  public Optional<SignedIn> current(ServerRequest req) {
    String id = cookie(req);
    if (id == null) return Optional.empty();
    String hash = TokenSecrets.hash(id);
    Optional<SignInSession> found = cache.get(hash, sessions::find);
    if (found.isEmpty()) return Optional.empty();
    SignInSession s = found.get();
    Instant now = clock.instant();
    if (!now.isBefore(s.expires()) || !now.isBefore(s.lastSeen().plus(settings.idleTimeout()))) {
      end(hash);
      return Optional.empty();
    }
    Optional<Account> account = accounts.byId(s.account());
    if (account.isEmpty() || account.get().disabled()) {
      end(hash);
      return Optional.empty();
    }
    if (Duration.between(s.lastSeen(), now).compareTo(TOUCH_EVERY) >= 0) {
      sessions.touch(hash, now);
      cache.put(hash, Optional.of(new SignInSession(s.idHash(), s.account(), s.csrfToken(), s.created(), now, s.expires())));
    }
    Person person = account.get().person() == null ? null
        : directory.person(account.get().person()).orElse(null);
    return Optional.of(new SignedIn(account.get(), person, s.csrfToken(), hash));
  }

  /** Starts a session for the account (ending the browser's previous one) and sets its cookie. */
  public void signIn(ServerRequest req, ServerResponse res, Account account) {
    String previous = cookie(req);
    if (previous != null) end(TokenSecrets.hash(previous));
    Instant now = clock.instant();
    String id = random();
    SignInSession s = new SignInSession(TokenSecrets.hash(id), account.id(), random(), now, now,
        now.plus(settings.maxAge()));
    sessions.create(s);
    accounts.recordSignIn(account.id(), now);
    boolean secure = settings.secureFor(req);
    res.headers().addCookie(SetCookie.builder(secure ? SECURE_COOKIE : COOKIE, id)
        .path("/").httpOnly(true).secure(secure).sameSite(SetCookie.SameSite.LAX)
        .maxAge(settings.maxAge()).build());
    sweep(now);
  }

  /** Ends the request's session, if any, and clears the cookie. */
  public void signOut(ServerRequest req, ServerResponse res) {
    String id = cookie(req);
    if (id != null) end(TokenSecrets.hash(id));
    boolean secure = settings.secureFor(req);
    res.headers().addCookie(SetCookie.builder(secure ? SECURE_COOKIE : COOKIE, "")
        .path("/").httpOnly(true).secure(secure).sameSite(SetCookie.SameSite.LAX)
        .maxAge(Duration.ZERO).build());
  }

  /** Ends every session of an account (disabled, password reset, role changed). */
  public void endAll(String accountId) {
    sessions.deleteForAccount(accountId);
    cache.invalidateAll();
  }

  private void end(String hash) {
    sessions.delete(hash);
    cache.invalidate(hash);
  }

  private void sweep(Instant now) {
    if (Duration.between(lastSweep, now).compareTo(Duration.ofMinutes(10)) < 0) return;
    lastSweep = now;
    sessions.deleteExpired(now.minus(settings.idleTimeout()), now);
  }

  static String cookie(ServerRequest req) {
    var cookies = req.headers().cookies();
    for (String name : new String[] {SECURE_COOKIE, COOKIE}) {
      if (cookies.contains(name)) {
        String v = cookies.first(name).orElse("").strip();
        if (v.length() >= 40 && v.length() <= 64 && v.matches("[A-Za-z0-9_-]+")) return v;
      }
    }
    return null;
  }

  static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
