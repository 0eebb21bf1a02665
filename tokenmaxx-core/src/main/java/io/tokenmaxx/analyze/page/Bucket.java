package io.tokenmaxx.analyze.page;

/**
 * One histogram bar: values {@code >= from} and {@code < to} (null: unbounded).
 *
 * @param label display label, e.g. "5-10 %"
 * @param count values in the bucket (null when suppressed)
 */
public record Bucket(String label, Double from, Double to, Long count) {}
