package io.tokenmaxx.analyze.page;

/**
 * Tokens by kind (disjoint, see {@code UsageRecord}); {@code cacheWrite} is both TTLs together.
 * {@code total} is their sum.
 */
public record TokenCounts(long input, long output, long cacheRead, long cacheWrite, long reasoning, long total) {

  public static TokenCounts of(long input, long output, long cacheRead, long cacheWrite, long reasoning) {
    return new TokenCounts(input, output, cacheRead, cacheWrite, reasoning,
        input + output + cacheRead + cacheWrite + reasoning);
  }

  public static final TokenCounts ZERO = of(0, 0, 0, 0, 0);
}
