package io.tokenmaxx.importer;

import io.tokenmaxx.model.UsageRecord;

/**
 * The quantities precedence compares, in the form every source can be brought to: sources differ
 * in whether they split cache writes by TTL and reasoning from output, so those are compared as
 * sums and split back in the proportions of the vendor's own record.
 */
record TokenCounts(long input, long cacheRead, long cacheWrite, long generated, long requests) {

  static final TokenCounts ZERO = new TokenCounts(0, 0, 0, 0, 0);

  static TokenCounts of(UsageRecord r) {
    return new TokenCounts(r.inputTokens(), r.cacheReadTokens(), r.cacheWriteTokens(),
        r.generatedTokens(), r.requests());
  }

  TokenCounts plus(TokenCounts o) {
    return new TokenCounts(input + o.input, cacheRead + o.cacheRead, cacheWrite + o.cacheWrite,
        generated + o.generated, requests + o.requests);
  }

  /** Field by field, what this has beyond {@code covered}, never below zero. */
  TokenCounts beyond(TokenCounts covered) {
    return new TokenCounts(Math.max(0, input - covered.input), Math.max(0, cacheRead - covered.cacheRead),
        Math.max(0, cacheWrite - covered.cacheWrite), Math.max(0, generated - covered.generated),
        Math.max(0, requests - covered.requests));
  }

  long tokens() {
    return input + cacheRead + cacheWrite + generated;
  }

  /** {@code total * part / whole} rounded down, exact for any long values; 0 when whole is 0. */
  static long share(long total, long part, long whole) {
    if (whole == 0 || total == 0 || part == 0) return 0;
    if (Math.multiplyHigh(total, part) == 0 && total * part >= 0) return total * part / whole;
    return java.math.BigInteger.valueOf(total).multiply(java.math.BigInteger.valueOf(part))
        .divide(java.math.BigInteger.valueOf(whole)).longValueExact();
  }
}
