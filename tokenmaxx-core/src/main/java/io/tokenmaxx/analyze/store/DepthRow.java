package io.tokenmaxx.analyze.store;

import java.time.LocalDate;

/** People of the headcount by active days in one week (weeks with no active person are absent). */
public record DepthRow(LocalDate week, long light, long moderate, long heavy) {}
