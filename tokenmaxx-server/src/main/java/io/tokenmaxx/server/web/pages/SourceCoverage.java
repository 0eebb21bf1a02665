package io.tokenmaxx.server.web.pages;

import io.tokenmaxx.analyze.AnalyticsFilter;
import io.tokenmaxx.analyze.Viewer;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.model.Sources;
import io.tokenmaxx.model.Tools;
import io.tokenmaxx.storage.Dimension;
import io.tokenmaxx.storage.UsageAggregate;
import io.tokenmaxx.storage.UsageQuery;
import io.tokenmaxx.storage.UsageStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which sources the numbers of a page came from: per source (OpenTelemetry, local logs, the ingest
 * API, the gateway, and each vendor report), the people it covers, its records and tokens, and how
 * many people are seen only through a vendor's report. Read from the stored records; a vendor's
 * daily totals count only what finer sources did not already report (source precedence), so the
 * shares add up to the page's total. Non-admins see only the people they may see, and nothing
 * when that is fewer people than the minimum group size.
 */
public final class SourceCoverage {
  private final UsageStore usage;
  private final Directory directory;

  /** One source's part. @param share of all tokens in the selection, 0..1 */
  public record Row(String label, long people, long records, long tokens, double share) {}

  /**
   * @param rows             by tokens, largest first
   * @param vendorOnlyPeople people whose usage in the range reached tokenmaxx only through vendor reports
   * @param suppressed       too few people for this viewer to see how they split
   */
  public record Card(List<Row> rows, long people, long vendorOnlyPeople, long tokens, boolean suppressed) {
    public boolean empty() {
      return rows.isEmpty();
    }
  }

  public SourceCoverage(UsageStore usage, Directory directory) {
    this.usage = usage;
    this.directory = directory;
  }

  /** The overview's card: the selection's people (department, team, tool and model filters apply). */
  public Card overview(Viewer viewer, AnalyticsFilter filter) {
    Set<String> people = null; // null: everyone, unattributed usage included
    if (!filter.departments().isEmpty() || !filter.teams().isEmpty() || !viewer.isAdmin()) {
      people = new HashSet<>();
      for (Person p : directory.people()) {
        if (!filter.departments().isEmpty() && !filter.departments().contains(p.department())) continue;
        if (!filter.teams().isEmpty() && !filter.teams().contains(p.team())) continue;
        if (viewer.canSee(p.id())) people.add(p.id());
      }
      if (people.isEmpty()) return new Card(List.of(), 0, 0, 0, false);
    }
    Card card = card(query(filter, people));
    if (!viewer.isAdmin() && !viewer.mayAggregate(card.people())) {
      return new Card(List.of(), card.people(), 0, 0, true);
    }
    return card;
  }

  /** One person's sources (the caller has checked that the viewer may see the person). */
  public Card person(String personId, AnalyticsFilter filter) {
    return card(query(filter, Set.of(personId)));
  }

  private List<UsageAggregate> query(AnalyticsFilter f, Set<String> people) {
    UsageQuery.Builder q = UsageQuery.builder()
        .from(f.from().atStartOfDay(f.zone()).toInstant())
        .to(f.to().plusDays(1).atStartOfDay(f.zone()).toInstant())
        .tools(f.tools()).models(f.models())
        .groupBy(Dimension.SOURCE, Dimension.TOOL, Dimension.PROVIDER, Dimension.PERSON);
    if (people != null) q.persons(people);
    return usage.aggregate(q.build());
  }

  private static Card card(List<UsageAggregate> groups) {
    Map<String, long[]> bySource = new LinkedHashMap<>(); // records, tokens
    Map<String, Set<String>> peopleBySource = new HashMap<>();
    Map<String, Boolean> onlyVendor = new HashMap<>();
    long total = 0;
    for (UsageAggregate a : groups) {
      String source = a.key().get(0);
      String label = label(source, a.key().get(1), a.key().get(2));
      String person = a.key().get(3);
      long tokens = a.inputTokens() + a.outputTokens() + a.cacheReadTokens() + a.cacheWrite5mTokens()
          + a.cacheWrite1hTokens() + a.reasoningTokens();
      long[] sums = bySource.computeIfAbsent(label, k -> new long[2]);
      sums[0] += a.records();
      sums[1] += tokens;
      total += tokens;
      if (person != null && !person.isEmpty()) {
        peopleBySource.computeIfAbsent(label, k -> new HashSet<>()).add(person);
        onlyVendor.merge(person, Sources.IMPORT.equals(source), Boolean::logicalAnd);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, long[]> e : bySource.entrySet()) {
      long tokens = e.getValue()[1];
      rows.add(new Row(e.getKey(), peopleBySource.getOrDefault(e.getKey(), Set.of()).size(), e.getValue()[0], tokens,
          total == 0 ? 0 : (double) tokens / total));
    }
    rows.sort(Comparator.comparingLong(Row::tokens).reversed().thenComparing(Row::label));
    long vendorOnly = onlyVendor.values().stream().filter(b -> b).count();
    return new Card(rows, onlyVendor.size(), vendorOnly, total, false);
  }

  /** What a person reads for a source: the transport, or which vendor report. */
  static String label(String source, String tool, String provider) {
    if (source == null) return "unknown";
    return switch (source) {
      case Sources.OTLP -> "OpenTelemetry";
      case Sources.LOCAL_LOG -> "Local logs (push)";
      case Sources.INGEST -> "Ingest API (push)";
      case Sources.GATEWAY -> "Gateway";
      case Sources.DEMO -> "Demo data";
      case Sources.IMPORT -> switch (tool == null ? "" : tool) {
        case Tools.CLAUDE_CODE -> "Anthropic: Claude Code Analytics report";
        case "cursor" -> "Cursor Admin API";
        case "github-copilot" -> "GitHub Copilot metrics";
        default -> "openai".equals(provider) ? "OpenAI usage report"
            : "anthropic".equals(provider) ? "Anthropic usage report" : "Vendor report (" + tool + ")";
      };
      default -> source;
    };
  }
}
