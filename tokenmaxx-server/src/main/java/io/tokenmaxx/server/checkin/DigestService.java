package io.tokenmaxx.server.checkin;

import io.tokenmaxx.checkin.CheckIn;
import io.tokenmaxx.checkin.CheckinFilter;
import io.tokenmaxx.checkin.CheckinStore;
import io.tokenmaxx.checkin.Digest;
import io.tokenmaxx.checkin.DigestBuilder;
import io.tokenmaxx.checkin.Reader;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.storage.Dimension;
import io.tokenmaxx.storage.UsageAggregate;
import io.tokenmaxx.storage.UsageQuery;
import io.tokenmaxx.storage.UsageStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Digests and reminders from the stores. People "expected to check in" in a week are those with
 * any AI usage in it or in the three weeks before: the digest's participation is among them.
 */
public final class DigestService {
  static final int EXPECTED_WEEKS = 4;

  private final CheckinStore checkins;
  private final UsageStore usage;
  private final Directory directory;
  private final ZoneId zone;
  private final int minGroupSize;

  /** @param minGroupSize k: a team's participation is shown to a non-admin when k people they may not see are in it */
  public DigestService(CheckinStore checkins, UsageStore usage, Directory directory, ZoneId zone, int minGroupSize) {
    this.minGroupSize = minGroupSize;
    this.checkins = checkins;
    this.usage = usage;
    this.directory = directory;
    this.zone = zone;
  }

  private Instant start(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }

  /** People of the directory with usage in the week or the three before it. */
  public List<Person> expected(LocalDate week) {
    Set<String> active = new HashSet<>();
    for (UsageAggregate a : usage.aggregate(UsageQuery.builder().from(start(week.minusWeeks(EXPECTED_WEEKS - 1)))
        .to(start(week.plusWeeks(1))).groupBy(Dimension.PERSON).zone(zone).build())) {
      if (a.key().getFirst() != null) active.add(a.key().getFirst());
    }
    return directory.people().stream().filter(p -> active.contains(p.id())).toList();
  }

  /** Who checked in that week. */
  public Set<String> participants(LocalDate week) {
    return checkins.participation(week, week.plusWeeks(1)).keySet();
  }

  public Digest digest(LocalDate week, Reader reader) {
    List<CheckIn> readable = checkins.list(CheckinFilter.week(week, CheckinFilter.MAX_LIMIT), reader);
    List<Person> expected = expected(week);
    Set<String> participants = participants(week);
    List<Person> people = new ArrayList<>(expected);
    Set<String> expectedIds = new HashSet<>();
    expected.forEach(p -> expectedIds.add(p.id()));
    for (String p : participants) {
      if (!expectedIds.contains(p)) directory.person(p).ifPresent(people::add);
    }
    Digest d = DigestBuilder.build(week, readable, participants, people, checkins.firstSeen(false),
        firstTries(week, reader, people), p -> !reader.canSeePerson(p.id(), p.team()), reader.admin() ? 1 : minGroupSize);
    Digest out = named(d, OrgNames.of(directory));
    return snapshot == null ? out : out.withLeaderboard(snapshot.of(week));
  }

  private volatile WeeklySnapshot snapshot;

  /** Takes the week's leaderboard snapshot for every digest from these analytics. */
  public void snapshotFrom(io.tokenmaxx.analyze.Analytics analytics, int minGroupSize) {
    this.snapshot = new WeeklySnapshot(analytics, zone, minGroupSize);
  }

  /** The digest with team and department display names in place of their ids. */
  static Digest named(Digest d, OrgNames n) {
    List<Digest.TeamParticipation> teams = d.teams().stream().map(t -> new Digest.TeamParticipation(n.team(t.team()),
        n.department(t.department()), t.checkedIn(), t.members(), t.rate(), t.suppressed())).toList();
    java.util.function.UnaryOperator<Digest.Item> item = i -> new Digest.Item(i.checkinId(), i.person(), i.name(),
        n.team(i.team()), i.kind(), i.text(), i.tags(), i.minutesSaved());
    return new Digest(d.week(), d.checkins(), d.people(), d.minutesSaved(), teams,
        d.learnings().stream().map(item).toList(), d.failures().stream().map(item).toList(), d.newUseCases(),
        d.firstTries(), d.leaderboard());
  }

  /** People the reader may see who used a tool for the first time that week. */
  List<Digest.FirstTry> firstTries(LocalDate week, Reader reader, List<Person> people) {
    Map<String, Person> byId = new HashMap<>();
    people.forEach(p -> byId.put(p.id(), p));
    Set<String> visible = new HashSet<>();
    for (Person p : people) if (reader.canSeePerson(p.id(), p.team())) visible.add(p.id());
    if (visible.isEmpty()) return List.of();
    Map<String, List<String>> tools = new java.util.TreeMap<>();
    Instant from = start(week);
    for (UsageAggregate a : usage.aggregate(UsageQuery.builder().to(start(week.plusWeeks(1))).persons(visible)
        .groupBy(Dimension.PERSON, Dimension.TOOL).zone(zone).build())) {
      if (a.firstSeen() == null || a.firstSeen().isBefore(from)) continue;
      if (!byId.containsKey(a.key().get(0)) || a.key().get(1) == null) continue;
      tools.computeIfAbsent(a.key().get(0), k -> new ArrayList<>()).add(a.key().get(1));
    }
    List<Digest.FirstTry> out = new ArrayList<>();
    OrgNames names = OrgNames.of(directory);
    tools.forEach((id, list) -> {
      Person p = byId.get(id);
      out.add(new Digest.FirstTry(id, p.name() == null ? id : p.name(), names.team(p.team()), list.stream().sorted().toList()));
    });
    out.sort(Comparator.comparing(Digest.FirstTry::name));
    return out;
  }
}
