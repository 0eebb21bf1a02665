package io.tokenmaxx.analyze.store;

/**
 * How many different tools and models one person used in a scope.
 *
 * @param person the person id
 * @param tools  distinct tools
 * @param models distinct models
 */
public record PersonVariety(String person, int tools, int models) {}
