package io.tokenmaxx.analyze.page;

import java.util.List;

/**
 * The shape of a set of values, not just its average.
 *
 * @param unit        what the values are ("minutes", "tokens", "share of loaded cost", ...)
 * @param count       number of values
 * @param mean        arithmetic mean
 * @param percentiles p10, p25, p50, p75, p90, p99
 * @param histogram   counts in fixed buckets
 * @param suppressed  fewer than k people behind the values: everything but {@code unit} withheld
 */
public record Distribution(String unit, Long count, Double mean, List<Percentile> percentiles,
    List<Bucket> histogram, boolean suppressed) {}
