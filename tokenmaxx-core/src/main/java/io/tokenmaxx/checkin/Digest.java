package io.tokenmaxx.checkin;

import java.time.LocalDate;
import java.util.List;

/**
 * The weekly digest as one reader may see it: participation by team (counts only), then the
 * learnings, failures, new use cases and first tries taken from the check-ins that reader may read.
 *
 * @param week          Monday of the week
 * @param checkins      check-ins submitted that week (all, counted, not read)
 * @param people        people expected to check in
 * @param minutesSaved  time saved that the readable check-ins report
 * @param teams         participation per team, lowest rate first
 * @param learnings     top "what I learned" / "what worked" items
 * @param failures      what failed and why
 * @param newUseCases   tags seen for the first time in the organization this week
 * @param firstTries    people who used tools for the first time this week, with the tools
 * @param leaderboard   the week's leaderboard snapshot under the organization's rule; null where
 *                      the server has no leaderboard to take it from
 */
public record Digest(
    LocalDate week,
    int checkins,
    int people,
    long minutesSaved,
    List<TeamParticipation> teams,
    List<Item> learnings,
    List<Item> failures,
    List<UseCase> newUseCases,
    List<FirstTry> firstTries,
    Snapshot leaderboard) {

  /** A digest without a leaderboard snapshot. */
  public Digest(LocalDate week, int checkins, int people, long minutesSaved, List<TeamParticipation> teams,
      List<Item> learnings, List<Item> failures, List<UseCase> newUseCases, List<FirstTry> firstTries) {
    this(week, checkins, people, minutesSaved, teams, learnings, failures, newUseCases, firstTries, null);
  }

  /** The same digest with a leaderboard snapshot. */
  public Digest withLeaderboard(Snapshot s) {
    return new Digest(week, checkins, people, minutesSaved, teams, learnings, failures, newUseCases, firstTries, s);
  }

  /**
   * The week's leaderboard as the digest shows it: the top rows, by pseudonym, ranked by the
   * measure under the organization's rule (the same the leaderboard page applies by default).
   *
   * @param measure  what it ranks by
   * @param rule     what the rule did, in words
   * @param people   people ranked
   * @param flagged  of them, people with an open Goodhart-guard flag in the week (ranked last or left out by the rule)
   * @param top      the first rows
   */
  public record Snapshot(String measure, String rule, int people, int flagged, List<Entry> top) {
    public Snapshot {
      top = List.copyOf(top);
    }
  }

  /** A row of the snapshot; {@code flagged} marks a person with an open flag in the week. */
  public record Entry(int rank, String pseudonym, String value, int activeDays, boolean flagged) {}

  public Digest {
    teams = List.copyOf(teams);
    learnings = List.copyOf(learnings);
    failures = List.copyOf(failures);
    newUseCases = List.copyOf(newUseCases);
    firstTries = List.copyOf(firstTries);
  }

  public double participation() {
    return people == 0 ? 0 : (double) checkins / people;
  }

  /** @param rate checked in / members */
  public record TeamParticipation(String team, String department, Integer checkedIn, Integer members, Double rate,
      boolean suppressed) {

    /** A team's counts, shown. */
    public TeamParticipation(String team, String department, int checkedIn, int members, double rate) {
      this(team, department, checkedIn, members, rate, false);
    }

    /** A team whose counts are withheld from this reader (too few people they cannot see). */
    public static TeamParticipation hidden(String team, String department) {
      return new TeamParticipation(team, department, null, null, null, true);
    }
  }

  /**
   * A quoted line from a check-in.
   *
   * @param kind "learned", "worked" or "failed"
   */
  public record Item(String checkinId, String person, String name, String team, String kind, String text,
      List<String> tags, Integer minutesSaved) {}

  public record UseCase(String tag, int checkins) {}

  /** Someone who used tools for the first time that week. */
  public record FirstTry(String person, String name, String team, List<String> tools) {
    public FirstTry {
      tools = List.copyOf(tools);
    }
  }
}
