package io.tokenmaxx.plan;

/**
 * Throughput and latency of a replica at one batch size: the trade-off a latency target picks from.
 *
 * @param batch                 sequences decoded together
 * @param outputTokensPerSecond generated tokens/s of the replica
 * @param itlSeconds            inter-token latency
 * @param ttftSeconds           time to first token (queueing excluded)
 */
public record BatchPoint(int batch, double outputTokensPerSecond, double itlSeconds, double ttftSeconds) {}
