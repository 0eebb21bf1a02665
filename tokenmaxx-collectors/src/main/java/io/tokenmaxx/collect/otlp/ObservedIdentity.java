package io.tokenmaxx.collect.otlp;

import io.tokenmaxx.model.RawIdentity;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identities one telemetry source reported together (for example an e-mail, an account uuid
 * and an organization id on the same data point), and the organizational attributes its resource
 * carried (whatever {@code OTEL_RESOURCE_ATTRIBUTES} added: department, team, cost_center, ...).
 * The identity directory uses these to link aliases to one person and to learn team membership.
 *
 * @param identities the co-reported identities, the record's primary identity first
 * @param attributes resource attributes that are not SDK or host noise, in key order
 */
public record ObservedIdentity(List<RawIdentity> identities, Map<String, String> attributes) {
  public ObservedIdentity {
    identities = List.copyOf(identities);
    attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
  }
}
