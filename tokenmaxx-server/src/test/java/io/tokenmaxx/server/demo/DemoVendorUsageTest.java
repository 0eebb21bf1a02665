package io.tokenmaxx.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.analyze.AnalyticsFilter;
import io.tokenmaxx.analyze.Viewer;
import io.tokenmaxx.demo.DemoSpec;
import io.tokenmaxx.model.Sources;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.server.web.auth.Passwords;
import io.tokenmaxx.server.web.pages.SourceCoverage;
import io.tokenmaxx.storage.Dimension;
import io.tokenmaxx.storage.UsageAggregate;
import io.tokenmaxx.storage.UsageQuery;
import io.tokenmaxx.storage.duckdb.DuckDbStorage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The demo organization's vendor-sourced usage: some people are seen only through a vendor's
 * report, a report overlapping an agent's telemetry adds only what the telemetry missed, and the
 * overview's coverage by source says where every token came from.
 */
class DemoVendorUsageTest {
  static final DemoSpec SPEC = DemoSpec.of(7, 60, 3, LocalDate.of(2026, 3, 13));

  @Test
  void somePeopleAreOnlyVisibleThroughAVendorAndOverlapsCountOnce() {
    try (DuckDbStorage s = DuckDbStorage.builder().inMemory().build()) {
      new DemoLoader(s, List.of(), new Passwords(1024, 1, 1), 2).load(SPEC);
      List<UsageRecord> all = s.usageStore().records(UsageQuery.all(), Integer.MAX_VALUE);
      Map<String, Set<String>> sourcesByPerson = new HashMap<>();
      for (UsageRecord r : all) sourcesByPerson.computeIfAbsent(r.person(), k -> new HashSet<>()).add(r.source());
      long vendorOnly = sourcesByPerson.values().stream().filter(v -> v.equals(Set.of(Sources.IMPORT))).count();
      long both = sourcesByPerson.values().stream().filter(v -> v.size() > 1).count();
      assertThat(vendorOnly).isPositive();
      assertThat(both).isPositive();
      assertThat(all).filteredOn(r -> r.id().startsWith("import:cursor.events:")).isNotEmpty();

      // where the report overlaps telemetry, each person-day-model holds the larger of the two, not the sum
      Map<String, Long> raw = new HashMap<>();
      for (LocalDate d = SPEC.startDate(); !d.isAfter(SPEC.endDate()); d = d.plusDays(1)) {
        for (UsageRecord r : s.importAggregates().raw(d)) {
          raw.merge(r.person() + "|" + d + "|" + r.model(), r.inputTokens(), Long::sum);
        }
      }
      Map<String, Long> stored = new HashMap<>();
      for (UsageRecord r : all) {
        if (r.tool().equals("claude-code")) {
          stored.merge(r.person() + "|" + LocalDate.ofInstant(r.timestamp(), ZoneOffset.UTC) + "|" + r.model(),
              r.inputTokens(), Long::sum);
        }
      }
      assertThat(raw).isNotEmpty();
      int reduced = 0;
      for (Map.Entry<String, Long> e : raw.entrySet()) {
        long finer = all.stream().filter(r -> r.tool().equals("claude-code") && !r.id().startsWith("import:")
            && (r.person() + "|" + LocalDate.ofInstant(r.timestamp(), ZoneOffset.UTC) + "|" + r.model()).equals(e.getKey()))
            .mapToLong(UsageRecord::inputTokens).sum();
        assertThat(stored.get(e.getKey())).as(e.getKey()).isEqualTo(Math.max(finer, e.getValue()));
        if (finer > 0) reduced++;
      }
      assertThat(reduced).as("person-days in both telemetry and the report").isPositive();

      SourceCoverage coverage = new SourceCoverage(s.usageStore(), s.directory());
      AnalyticsFilter range = AnalyticsFilter.builder().from(SPEC.startDate()).to(SPEC.endDate()).zone(ZoneOffset.UTC).build();
      SourceCoverage.Card card = coverage.overview(Viewer.admin("admin", null, 5), range);
      assertThat(card.rows()).extracting(SourceCoverage.Row::label)
          .contains("Demo data", "Cursor Admin API", "Anthropic: Claude Code Analytics report");
      assertThat(card.vendorOnlyPeople()).isEqualTo(vendorOnly);
      assertThat(card.rows().stream().mapToLong(SourceCoverage.Row::tokens).sum()).isEqualTo(card.tokens());
      long total = s.usageStore().aggregate(UsageQuery.builder()
          .from(SPEC.startDate().atStartOfDay(ZoneOffset.UTC).toInstant())
          .to(SPEC.endDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()).groupBy(Dimension.SOURCE).build()).stream()
          .mapToLong(a -> a.inputTokens() + a.outputTokens() + a.cacheReadTokens() + a.cacheWrite5mTokens()
              + a.cacheWrite1hTokens() + a.reasoningTokens()).sum();
      assertThat(card.tokens()).isEqualTo(total);
      // a member sees nothing of a group smaller than k
      String someone = s.directory().people().getFirst().id();
      assertThat(coverage.overview(Viewer.member("m", someone, 5), range).suppressed()).isTrue();
    }
  }
}
