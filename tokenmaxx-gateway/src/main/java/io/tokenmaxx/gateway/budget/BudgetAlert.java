package io.tokenmaxx.gateway.budget;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A budget crossed {@code percent} (50, 80 or 100) of its limit in a window. Raised once per
 * threshold and window, by the settlement that crossed it.
 */
public record BudgetAlert(Budget budget, Period.Window window, int percent, BigDecimal consumed, Instant at) {}
