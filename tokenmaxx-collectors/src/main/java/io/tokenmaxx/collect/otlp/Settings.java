package io.tokenmaxx.collect.otlp;

import java.time.Clock;

/**
 * What the mappers share: time, cumulative state, the session index, the limits, and from when
 * log-event ids carry their time ({@link RecordIds#logUsageId}).
 */
record Settings(Clock clock, Deltas deltas, SessionSignalIndex sessions, int maxValueLength,
    int maxErrors, boolean genAiSpans, java.time.Instant timedIdsSince) {}
