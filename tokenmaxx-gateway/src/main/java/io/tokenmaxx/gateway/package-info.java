/**
 * The metering gateway: {@link io.tokenmaxx.gateway.Gateway} (routes to mount in a Helidon routing),
 * {@link io.tokenmaxx.gateway.GatewayServer} (the same served alone). Everything else in this
 * package is the request path and package-private; the domain SPIs live in {@code keys},
 * {@code budget}, {@code route} and {@code record}; {@code internal.*} is not an API.
 */
package io.tokenmaxx.gateway;
