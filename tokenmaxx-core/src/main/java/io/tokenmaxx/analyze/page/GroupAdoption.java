package io.tokenmaxx.analyze.page;

/**
 * Adoption in a department or team.
 *
 * @param kind          {@code department} or {@code team}
 * @param id            group id ({@code null} for people without one)
 * @param name          display name
 * @param headcount     people in the group (directory)
 * @param active        people of the group with usage in the window
 * @param rate          active / headcount
 * @param adopting      rate at or above the breadth threshold
 * @param suppressed    fewer than k people (or a complement below k): numbers withheld
 */
public record GroupAdoption(String kind, String id, String name, Integer headcount, Long active,
    Double rate, Boolean adopting, boolean suppressed) {}
