package io.tokenmaxx.analyze.page;

/**
 * A percentile of a distribution ({@code p} within 0..1), linearly interpolated between the
 * closest ranks ({@code quantile_cont} / {@code percentile_cont}).
 */
public record Percentile(double p, double value) {}
