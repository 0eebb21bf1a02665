package io.tokenmaxx.gateway.budget;

import java.time.Clock;

/**
 * Requests- and tokens-per-minute limits as token buckets: a bucket holds at most a minute's
 * allowance and refills continuously. In memory, per gateway process (a limit applies to each
 * process of a horizontally scaled gateway on its own).
 */
public final class RateLimiter {
  private RateLimiter() {}

  /** One scope's bucket of requests or tokens. */
  public static final class Bucket {
    private final Clock clock;
    private final double capacity;
    private final double perMilli;
    private double level;
    private long last;
    final String label;

    Bucket(Clock clock, long perMinute, String label) {
      this.clock = clock;
      this.capacity = perMinute;
      this.perMilli = perMinute / 60_000.0;
      this.level = perMinute;
      this.last = clock.millis();
      this.label = label;
    }

    private void refill(long now) {
      if (now > last) {
        level = Math.min(capacity, level + (now - last) * perMilli);
        last = now;
      }
    }

    /**
     * Takes {@code n} when the bucket holds them (or is full, so a single request larger than a
     * minute's allowance can still pass once); else returns the seconds until it would.
     */
    synchronized long take(double n) {
      long now = clock.millis();
      refill(now);
      if (level >= n || level >= capacity) {
        level -= n;
        return 0;
      }
      double missing = Math.min(n, capacity) - level;
      return Math.max(1, (long) Math.ceil(missing / perMilli / 1000.0));
    }

    /** Gives back (positive) or takes more (negative; the level may go below zero as a debt). */
    synchronized void adjust(double n) {
      refill(clock.millis());
      level = Math.min(capacity, level + n);
    }
  }
}
