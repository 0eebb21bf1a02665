package io.tokenmaxx.analyze.store;

import java.time.LocalDate;

/**
 * Of the people whose first use ever fell in week {@code cohort}, how many were active in the week
 * {@code offset} weeks later (offset 0 is the cohort week itself, so its count is the cohort size).
 */
public record RetentionRow(LocalDate cohort, int offset, long people) {}
