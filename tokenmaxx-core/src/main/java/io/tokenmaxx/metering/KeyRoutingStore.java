package io.tokenmaxx.metering;

import java.util.Map;
import java.util.Optional;

/** Per-key routing of gateway keys ({@link KeyRouting}), by the key's token id. */
public interface KeyRoutingStore {

  /** Sets a key's routing, replacing what it had; {@link KeyRouting#isDefault()} removes it. Durable on return. */
  void put(String tokenId, KeyRouting routing);

  /** A key's routing; empty when it has none (the routes decide, any model). */
  Optional<KeyRouting> find(String tokenId);

  /** Every key's routing by token id. */
  Map<String, KeyRouting> all();
}
