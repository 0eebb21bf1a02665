/**
 * OTLP/HTTP decoding: request bodies (protobuf or JSON, optionally gzip) of {@code /v1/metrics},
 * {@code /v1/logs} and {@code /v1/traces} become {@link io.tokenmaxx.model.UsageRecord}s and
 * {@link io.tokenmaxx.model.OutcomeRecord}s; {@link io.tokenmaxx.collect.otlp.OtlpResponses}
 * builds the replies. Entry point: {@link io.tokenmaxx.collect.otlp.OtlpDecoder}.
 */
package io.tokenmaxx.collect.otlp;
