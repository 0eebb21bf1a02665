package io.tokenmaxx.collect.otlp;

/**
 * What is remembered about one cumulative series between exports: the last point seen and the one
 * before it (so that a retried export of the last point re-emits exactly the same delta), plus
 * when the server last touched it (for eviction of idle series).
 *
 * <p>For sums {@code value} is the point's value and {@code count} is 0; for histograms
 * {@code value} is the sum and {@code count} the count.
 *
 * @param prevTimeUnixNano time of the point before the last (the start of the last window)
 * @param prevValue        value at {@code prevTimeUnixNano}
 * @param prevCount        count at {@code prevTimeUnixNano}
 * @param lastTimeUnixNano time of the last point seen (the end of the last window)
 * @param lastValue        value of the last point seen
 * @param lastCount        count of the last point seen
 * @param touchedAtMillis  server time (epoch millis) of the last update
 */
public record SeriesState(
    long prevTimeUnixNano,
    double prevValue,
    long prevCount,
    long lastTimeUnixNano,
    double lastValue,
    long lastCount,
    long touchedAtMillis) {}
