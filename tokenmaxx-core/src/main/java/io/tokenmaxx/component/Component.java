package io.tokenmaxx.component;

import java.io.Closeable;

/**
 * Anything stateful: a store, a queue, a server. Constructors do no I/O; {@link #check()} tells
 * whether the component can do its job right now, and {@link #close()} releases what it holds.
 * {@code /health} combines the checks of every component.
 */
public interface Component extends Closeable {

  /** Answers whether this component works right now, doing the least I/O that proves it. */
  CheckResult check();

  /** Releases resources. Idempotent; never throws checked exceptions. */
  @Override
  void close();
}
