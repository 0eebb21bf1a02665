package io.tokenmaxx.analyze.page;

/** A person as pages name them (only ever for people the viewer may see). */
public record PersonRef(String id, String name, String team, String department) {}
