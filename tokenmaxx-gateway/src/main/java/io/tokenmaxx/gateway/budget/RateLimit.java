package io.tokenmaxx.gateway.budget;

/**
 * Requests and tokens per minute for one scope (0: no limit of that kind). Tokens are reserved
 * from the prompt's size at the start and corrected to what the answer used at the end.
 */
public record RateLimit(BudgetScope scope, long requestsPerMinute, long tokensPerMinute) {
  public RateLimit {
    if (requestsPerMinute < 0 || tokensPerMinute < 0) {
      throw new IllegalArgumentException("rate limits must not be negative");
    }
  }
}
