package io.tokenmaxx.analyze.page;

import java.time.LocalDate;

/**
 * The range a page covers and the range it is compared with.
 *
 * @param from         first day (inclusive) in {@code zone}
 * @param to           last day (inclusive)
 * @param zone         time zone id days and hours are counted in
 * @param days         number of days
 * @param previousFrom first day of the equally long range before (for trends)
 * @param previousTo   last day of that range
 */
public record Period(LocalDate from, LocalDate to, String zone, int days, LocalDate previousFrom,
    LocalDate previousTo) {}
