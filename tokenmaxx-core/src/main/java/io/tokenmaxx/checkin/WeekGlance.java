package io.tokenmaxx.checkin;

import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.storage.Dimension;
import io.tokenmaxx.storage.UsageAggregate;
import io.tokenmaxx.storage.UsageQuery;
import io.tokenmaxx.storage.UsageStore;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A person's week at a glance, to pre-fill the check-in form: tools and models used, sessions,
 * requests, tokens, active days and outcomes.
 *
 * @param tools    per tool: requests and tokens, most used first
 * @param models   per model, most used first
 * @param outcomes outcome totals by kind label (commit, pull_request, ...)
 */
public record WeekGlance(String person, LocalDate week, List<Use> tools, List<Use> models, int sessions,
    long requests, long tokens, int activeDays, Map<String, Double> outcomes) {

  public record Use(String name, long requests, long tokens) {}

  public static WeekGlance of(UsageStore store, String person, LocalDate week, ZoneId zone) {
    UsageQuery base = UsageQuery.builder().persons(Set.of(person))
        .from(week.atStartOfDay(zone).toInstant()).to(week.plusWeeks(1).atStartOfDay(zone).toInstant())
        .zone(zone).build();
    List<Use> tools = uses(store.aggregate(base.toBuilder().groupBy(Dimension.TOOL).build()));
    List<Use> models = uses(store.aggregate(base.toBuilder().groupBy(Dimension.MODEL).build()));
    int sessions = (int) store.aggregate(base.toBuilder().groupBy(Dimension.SESSION).build()).stream()
        .filter(a -> a.key().getFirst() != null).count();
    int days = store.aggregate(base.toBuilder().groupBy(Dimension.DAY).build()).size();
    long requests = tools.stream().mapToLong(Use::requests).sum();
    long tokens = tools.stream().mapToLong(Use::tokens).sum();
    Map<String, Double> outcomes = new TreeMap<>();
    for (OutcomeRecord o : store.outcomes(base, 100_000)) outcomes.merge(o.kind().label(), o.value(), Double::sum);
    return new WeekGlance(person, week, tools, models, sessions, requests, tokens, days, outcomes);
  }

  private static List<Use> uses(List<UsageAggregate> aggregates) {
    return aggregates.stream()
        .map(a -> new Use(a.key().getFirst() == null ? "unknown" : a.key().getFirst(), a.requests(), a.totalTokens()))
        .sorted(Comparator.comparingLong(Use::requests).reversed().thenComparing(Use::name))
        .toList();
  }

  /** Tool names as check-in tools (normalized like tags). */
  public List<String> suggestedTools() {
    return tools.stream().map(u -> CheckinRules.tag(u.name())).filter(t -> !t.isEmpty()).limit(CheckinRules.MAX_TAGS).toList();
  }
}
