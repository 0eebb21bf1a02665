package io.tokenmaxx.server.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed sign-ins in a sliding window, per account e-mail and per client address: past the
 * limit, further attempts are refused without checking the password until the window moves on.
 * A successful sign-in clears the account's failures.
 */
public final class LoginThrottle {
  private final Clock clock;
  private final Duration window;
  private final int perAccount;
  private final int perAddress;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock) {
    this(clock, Duration.ofMinutes(15), 5, 30);
  }

  public LoginThrottle(Clock clock, Duration window, int perAccount, int perAddress) {
    this.clock = clock;
    this.window = window;
    this.perAccount = perAccount;
    this.perAddress = perAddress;
  }

  /** How long until this account or address may try again; zero when it may now. */
  public Duration retryAfter(String email, String address) {
    Instant now = clock.instant();
    Duration a = wait(key("a", email), perAccount, now);
    Duration b = wait(key("ip", address), perAddress, now);
    return a.compareTo(b) >= 0 ? a : b;
  }

  public void failed(String email, String address) {
    Instant now = clock.instant();
    add(key("a", email), now);
    add(key("ip", address), now);
    if (failures.size() > 100_000) prune(now);
  }

  public void succeeded(String email) {
    failures.remove(key("a", email));
  }

  private Duration wait(String key, int limit, Instant now) {
    Deque<Instant> d = failures.get(key);
    if (d == null) return Duration.ZERO;
    synchronized (d) {
      drop(d, now);
      if (d.size() < limit) return Duration.ZERO;
      return Duration.between(now, d.peekFirst().plus(window));
    }
  }

  private void add(String key, Instant now) {
    Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (d) {
      drop(d, now);
      d.addLast(now);
      while (d.size() > Math.max(perAccount, perAddress)) d.removeFirst();
    }
  }

  private void drop(Deque<Instant> d, Instant now) {
    Instant oldest = now.minus(window);
    while (!d.isEmpty() && !d.peekFirst().isAfter(oldest)) d.removeFirst();
  }

  private void prune(Instant now) {
    failures.entrySet().removeIf(e -> {
      synchronized (e.getValue()) {
        drop(e.getValue(), now);
        return e.getValue().isEmpty();
      }
    });
  }

  private static String key(String kind, String value) {
    return kind + ":" + (value == null ? "" : value.strip().toLowerCase(Locale.ROOT));
  }
}
