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
 * Limits failed sign-ins in a sliding window: per account and client address together (5), per
 * client address (30), and per account from all addresses together (100). Past a limit, further
 * attempts are refused without checking the password until the window moves on. Limiting an account
 * only together with the address keeps a stranger from locking someone out by typing wrong passwords
 * for them (the owner, from their own address, is not held back); the much higher limit over all
 * addresses still stops guessing spread over many addresses. A successful sign-in clears the
 * account's failures.
 */
public final class LoginThrottle {
  private final Clock clock;
  private final Duration window;
  private final int perAccount;
  private final int perAddress;
  private final int perAccountAnywhere;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock) {
    this(clock, Duration.ofMinutes(15), 5, 30, 100);
  }

  /**
   * @param perAccount         failures for one account from one address
   * @param perAddress         failures from one address, any accounts
   * @param perAccountAnywhere failures for one account from all addresses together
   */
  public LoginThrottle(Clock clock, Duration window, int perAccount, int perAddress, int perAccountAnywhere) {
    this.clock = clock;
    this.window = window;
    this.perAccount = perAccount;
    this.perAddress = perAddress;
    this.perAccountAnywhere = perAccountAnywhere;
  }

  /** How long until this account or address may try again; zero when it may now. */
  public Duration retryAfter(String email, String address) {
    Instant now = clock.instant();
    Duration a = wait(pair(email, address), perAccount, now);
    Duration b = wait(key("ip", address), perAddress, now);
    Duration c = wait(key("a", email), perAccountAnywhere, now);
    Duration max = a.compareTo(b) >= 0 ? a : b;
    return max.compareTo(c) >= 0 ? max : c;
  }

  public void failed(String email, String address) {
    Instant now = clock.instant();
    add(pair(email, address), now);
    add(key("ip", address), now);
    add(key("a", email), now);
    if (failures.size() > 100_000) prune(now);
  }

  public void succeeded(String email) {
    failures.remove(key("a", email));
    String prefix = key("pair", email) + "|";
    failures.keySet().removeIf(k -> k.startsWith(prefix));
  }

  private static String pair(String email, String address) {
    return key("pair", email) + "|" + (address == null ? "" : address.strip().toLowerCase(Locale.ROOT));
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
      while (d.size() > Math.max(perAccountAnywhere, Math.max(perAccount, perAddress))) d.removeFirst();
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
