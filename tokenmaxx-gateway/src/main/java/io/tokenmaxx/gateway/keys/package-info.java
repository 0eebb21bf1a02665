/**
 * Gateway keys: {@link io.tokenmaxx.gateway.keys.VirtualKey} bound to a person or team, found
 * through the {@link io.tokenmaxx.gateway.keys.KeyStore} SPI by the hash of their secret.
 */
package io.tokenmaxx.gateway.keys;
