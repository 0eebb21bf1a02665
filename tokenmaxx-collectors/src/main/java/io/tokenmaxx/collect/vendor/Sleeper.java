package io.tokenmaxx.collect.vendor;

import java.time.Duration;

/** Waits between retries; tests pass one that records instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
