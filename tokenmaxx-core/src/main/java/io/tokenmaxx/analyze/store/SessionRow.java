package io.tokenmaxx.analyze.store;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One session (records sharing person, tool and session id), with its first and last request.
 *
 * @param model  the model with the most tokens (ties: the smallest name)
 * @param models distinct models
 */
public record SessionRow(String sessionId, String person, String tool, Instant start, Instant end,
    String model, int models, long requests, long records, long tokens, BigDecimal cost) {}
