package io.tokenmaxx.analyze.page;

import java.math.BigDecimal;

/**
 * Usage no person could be found for (records with no person): shown as its own bucket so it is
 * never silently dropped; admins add aliases to attribute it.
 *
 * @param records    usage records without a person
 * @param tokens     their tokens
 * @param cost       their effective cost
 * @param identities distinct raw identities among them
 * @param suppressed fewer than k identities (non-admins): numbers withheld
 */
public record UnattributedSummary(Long records, Long tokens, BigDecimal cost, Long identities, boolean suppressed) {}
