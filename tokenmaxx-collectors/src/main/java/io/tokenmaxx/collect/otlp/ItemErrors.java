package io.tokenmaxx.collect.otlp;

import java.util.HashMap;
import java.util.Map;

/**
 * Values in an OTLP/JSON body that could not be read, by the item they belong to, so that only
 * that item is rejected and the rest of the request is still accepted. Keys are the indices of
 * the item's containers joined with '/': {@code r/s/m/p} for a metric data point ({@code r/s/m}
 * for an error in the metric itself, which rejects all of its points), {@code r/s/l} for a log
 * record, {@code r/s/t} for a span.
 */
final class ItemErrors {
  static final ItemErrors NONE = new ItemErrors();

  private Map<String, String> byKey;

  void add(String key, String message) {
    if (byKey == null) byKey = new HashMap<>();
    byKey.putIfAbsent(key, message);
  }

  boolean isEmpty() {
    return byKey == null;
  }

  /** The error of the item with these indices, or of any of its containers; null if none. */
  String find(int... indices) {
    if (byKey == null) return null;
    StringBuilder key = new StringBuilder();
    String found = null;
    for (int i = 0; i < indices.length; i++) {
      if (i > 0) key.append('/');
      key.append(indices[i]);
      String m = byKey.get(key.toString());
      if (m != null) found = m;
    }
    return found;
  }
}
