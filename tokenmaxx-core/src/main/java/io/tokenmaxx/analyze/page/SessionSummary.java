package io.tokenmaxx.analyze.page;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One agent or chat session.
 *
 * @param sessionId       as the source reported it
 * @param person          whose (only for people the viewer may see)
 * @param start           first request
 * @param end             last request
 * @param durationSeconds end - start
 * @param tool            tool
 * @param model           the model with the most tokens in the session
 * @param models          distinct models used
 * @param requests        model requests
 * @param tokens          total tokens
 * @param cost            effective cost
 */
public record SessionSummary(String sessionId, String person, Instant start, Instant end,
    long durationSeconds, String tool, String model, int models, long requests, long tokens,
    BigDecimal cost) {}
