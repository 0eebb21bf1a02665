package io.tokenmaxx.analyze.page;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An identity whose records have no person: what to add an alias for.
 *
 * @param kind      identity kind ({@code email}, {@code account_uuid}, ...), null when the records had none
 * @param value     the identity
 * @param tools     tools that reported it
 * @param records   records
 * @param tokens    total tokens
 * @param cost      effective cost
 * @param firstSeen earliest record (to the hour)
 * @param lastSeen  start of the hour of the latest record
 */
public record IdentityRow(String kind, String value, List<String> tools, long records, long tokens,
    BigDecimal cost, Instant firstSeen, Instant lastSeen) {}
