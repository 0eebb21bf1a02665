/**
 * Internal to the gateway (public only for its sibling packages, not an API): reading server-sent events and request bodies.
 */
package io.tokenmaxx.gateway.internal.wire;
