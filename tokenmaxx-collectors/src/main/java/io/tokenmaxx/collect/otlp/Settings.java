package io.tokenmaxx.collect.otlp;

import java.time.Clock;

/** What the mappers share: time, cumulative state, the session index and the limits. */
record Settings(Clock clock, Deltas deltas, SessionSignalIndex sessions, int maxValueLength,
    int maxErrors, boolean genAiSpans) {}
