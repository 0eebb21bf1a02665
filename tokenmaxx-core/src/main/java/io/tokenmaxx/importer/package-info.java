/**
 * Vendor usage imports, the parts that do not depend on how a vendor is reached: where each
 * configured source has got to ({@link io.tokenmaxx.importer.ImportCursor}, kept through the
 * {@link io.tokenmaxx.importer.ImportCursorStore} SPI) and the source precedence that counts a
 * person-day-model once when a vendor's aggregate report and finer sources (OpenTelemetry, local
 * logs, the gateway, per-event imports) describe the same usage
 * ({@link io.tokenmaxx.importer.SourcePrecedence}). The importers themselves (HTTP, the vendors'
 * wire formats) live in {@code tokenmaxx-collectors}.
 */
package io.tokenmaxx.importer;
