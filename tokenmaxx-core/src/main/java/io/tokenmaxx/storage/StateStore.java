package io.tokenmaxx.storage;

import java.util.Collection;
import java.util.Map;

/**
 * Small durable key-value state that collectors keep between restarts (e.g. the last value of each
 * cumulative OTLP series), in namespaces. Values are opaque strings. Durable on return.
 */
public interface StateStore {

  /** Every entry of a namespace. */
  Map<String, String> load(String namespace);

  /** Inserts or replaces entries. */
  void put(String namespace, Map<String, String> entries);

  /** Removes entries; missing keys are ignored. */
  void remove(String namespace, Collection<String> keys);
}
