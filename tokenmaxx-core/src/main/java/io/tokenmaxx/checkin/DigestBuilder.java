package io.tokenmaxx.checkin;

import io.tokenmaxx.identity.Person;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds a {@link Digest}. Counts (participation) cover everyone; quoted text comes only from the
 * check-ins passed in, which must already be those the reader may read.
 */
public final class DigestBuilder {
  static final int ITEMS = 8;

  private DigestBuilder() {}

  /**
   * @param readable      the week's check-ins the reader may read
   * @param participants  everyone who checked in that week (ids only)
   * @param people        the people expected to check in, with their teams
   * @param firstSeenTags the first week each tag appeared in the organization
   * @param firstTools    (person, tool) pairs whose first use was this week, for people the reader may see
   */
  public static Digest build(LocalDate week, List<CheckIn> readable, Set<String> participants, List<Person> people,
      Map<String, LocalDate> firstSeenTags, List<Digest.FirstTry> firstTools) {
    return build(week, readable, participants, people, firstSeenTags, firstTools, p -> false, 1);
  }

  /**
   * As above, with a team's participation withheld where it would tell the reader whether fewer
   * than k people they may not see checked in: {@code counted} tells who counts toward k (people
   * whose participation the reader may not see); the smallest further teams are withheld until
   * the withheld ones together hold k, since the organization's total is shown beside them.
   */
  public static Digest build(LocalDate week, List<CheckIn> readable, Set<String> participants, List<Person> people,
      Map<String, LocalDate> firstSeenTags, List<Digest.FirstTry> firstTools,
      java.util.function.Predicate<Person> counted, int minGroupSize) {
    Map<String, Person> byId = new HashMap<>();
    people.forEach(p -> byId.put(p.id(), p));
    Map<String, int[]> teams = new TreeMap<>();
    Map<String, String> departments = new HashMap<>();
    Map<String, Map<Integer, Set<String>>> countedByTeam = new HashMap<>();
    int expected = 0;
    int checkedIn = 0;
    for (Person p : people) {
      String team = p.team() == null ? "(no team)" : p.team();
      int[] c = teams.computeIfAbsent(team, k -> new int[2]);
      c[1]++;
      expected++;
      Set<String> n = countedByTeam.computeIfAbsent(team, x -> new HashMap<>()).computeIfAbsent(0, x -> new HashSet<>());
      if (counted.test(p)) n.add(p.id());
      if (participants.contains(p.id())) {
        c[0]++;
        checkedIn++;
      }
      if (p.department() != null) departments.putIfAbsent(team, p.department());
    }
    List<Digest.TeamParticipation> participation = new ArrayList<>();
    Set<String> hidden = io.tokenmaxx.analyze.Suppression.hidden(countedByTeam, minGroupSize);
    teams.forEach((team, c) -> participation.add(hidden.contains(team)
        ? Digest.TeamParticipation.hidden(team, departments.get(team))
        : new Digest.TeamParticipation(team, departments.get(team), c[0], c[1], c[1] == 0 ? 0 : (double) c[0] / c[1])));
    participation.sort(Comparator.comparing((Digest.TeamParticipation t) -> t.suppressed() ? 1 : 0)
        .thenComparingDouble(t -> t.rate() == null ? 0 : t.rate()).thenComparing(Digest.TeamParticipation::team));

    long minutes = 0;
    List<Digest.Item> learnings = new ArrayList<>();
    List<Digest.Item> failures = new ArrayList<>();
    Map<String, Integer> tagCounts = new TreeMap<>();
    for (CheckIn c : readable) {
      if (c.minutesSaved() != null) minutes += c.minutesSaved();
      Person author = byId.get(c.person());
      String name = author != null && author.name() != null ? author.name() : c.person();
      if (!c.learned().isBlank()) learnings.add(item(c, name, "learned", c.learned()));
      else if (!c.worked().isBlank()) learnings.add(item(c, name, "worked", c.worked()));
      if (!c.failed().isBlank()) failures.add(item(c, name, "failed", c.failed()));
      for (String t : new HashSet<>(c.tags())) tagCounts.merge(t, 1, Integer::sum);
    }
    Comparator<Digest.Item> best = Comparator
        .comparing((Digest.Item i) -> i.minutesSaved() == null ? -1 : i.minutesSaved()).reversed()
        .thenComparing(i -> -i.text().length())
        .thenComparing(Digest.Item::checkinId);
    learnings.sort(best);
    failures.sort(Comparator.comparing((Digest.Item i) -> -i.text().length()).thenComparing(Digest.Item::checkinId));
    List<Digest.UseCase> fresh = new ArrayList<>();
    tagCounts.forEach((tag, n) -> {
      LocalDate first = firstSeenTags.get(tag);
      if (first == null || !first.isBefore(week)) fresh.add(new Digest.UseCase(tag, n));
    });
    fresh.sort(Comparator.comparingInt(Digest.UseCase::checkins).reversed().thenComparing(Digest.UseCase::tag));
    return new Digest(week, checkedIn, expected, minutes, participation,
        learnings.subList(0, Math.min(ITEMS, learnings.size())),
        failures.subList(0, Math.min(ITEMS, failures.size())), fresh, firstTools);
  }

  private static Digest.Item item(CheckIn c, String name, String kind, String text) {
    return new Digest.Item(c.id(), c.person(), name, c.team(), kind, text, c.tags(), c.minutesSaved());
  }
}
