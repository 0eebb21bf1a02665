package io.tokenmaxx.analyze.page;

import java.math.BigDecimal;

/**
 * One slice of a mix (by tool, model, provider, category, team, ...).
 *
 * @param key        the tool / model / ... ({@code null}: none recorded)
 * @param label      display name (team name, category label); equals key when there is none
 * @param category   for tools: coding-agent, chat, api or other; else null
 * @param tokens     total tokens
 * @param cost       effective cost (null when suppressed, or when no record of the row has a price)
 * @param records    usage records
 * @param people     distinct people contributing
 * @param tokenShare share of all tokens in the table
 * @param costShare  share of all cost in the table (null when the total is 0)
 * @param suppressed fewer than k people contributed: numbers withheld
 */
public record MixRow(String key, String label, String category, Long tokens, BigDecimal cost,
    Long records, Long people, Double tokenShare, Double costShare, boolean suppressed) {}
