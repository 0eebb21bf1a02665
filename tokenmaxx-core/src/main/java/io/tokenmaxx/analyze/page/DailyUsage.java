package io.tokenmaxx.analyze.page;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Tokens and cost on one day for one tool (a timeline point). */
public record DailyUsage(LocalDate date, String tool, long tokens, BigDecimal cost, long records) {}
