package io.tokenmaxx.bench.checkins;

import io.tokenmaxx.checkin.CheckIn;
import io.tokenmaxx.analyze.OrgChart;
import io.tokenmaxx.analyze.Viewer;
import io.tokenmaxx.checkin.Reader;
import io.tokenmaxx.demo.DemoCheckins;
import io.tokenmaxx.demo.DemoOrganization;
import io.tokenmaxx.demo.DemoSpec;
import io.tokenmaxx.identity.Person;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** 100k generated check-ins of a large demo organization, and the readers and queries to time. */
final class BenchCorpus {
  final DemoOrganization org;
  final List<CheckIn> checkins;
  final List<Reader> readers = new ArrayList<>();
  final List<String> readerNames = new ArrayList<>();

  BenchCorpus(int target) {
    DemoSpec spec = DemoSpec.of(4242, 4000, 78, LocalDate.of(2026, 11, 20));
    org = DemoOrganization.generate(spec);
    List<CheckIn> all = new ArrayList<>(DemoCheckins.generate(org, spec));
    if (all.size() < target) throw new IllegalStateException("generated only " + all.size() + " check-ins");
    all.sort(Comparator.comparing(CheckIn::week).reversed().thenComparing(CheckIn::id));
    checkins = List.copyOf(all.subList(0, target));
    OrgChart chart = OrgChart.of(org.directory());
    Person member = pick(chart, 0, 0);
    Person manager = pick(chart, 5, 199);
    Person head = pick(chart, 200, 2000);
    add("member (own team)", reader(chart, member));
    add("team manager (" + (chart.subtree(manager.id()).size() - 1) + " reports)", reader(chart, manager));
    add("department head (" + (chart.subtree(head.id()).size() - 1) + " reports)", reader(chart, head));
    add("admin", new Reader(null, true, null, java.util.Set.of()));
  }

  private void add(String name, Reader r) {
    readerNames.add(name);
    readers.add(r);
  }

  private static Reader reader(OrgChart chart, Person p) {
    return Reader.of(Viewer.forPerson("bench", p.id(), chart, 5), p.team());
  }

  private Person pick(OrgChart chart, int minReports, int maxReports) {
    return org.directory().stream().sorted(Comparator.comparing(Person::id))
        .filter(p -> p.team() != null)
        .filter(p -> {
          int n = chart.subtree(p.id()).size() - 1;
          return n >= minReports && n <= maxReports;
        }).findFirst().orElseThrow();
  }

  /** A query: text (may be blank), an optional tag and tool filter, an optional department. */
  record Q(String text, String tag, String tool, String department) {
    String label() {
      StringBuilder sb = new StringBuilder(text.isEmpty() ? "(all)" : text);
      if (tag != null) sb.append(" tag:").append(tag);
      if (tool != null) sb.append(" tool:").append(tool);
      if (department != null) sb.append(" dept:").append(department);
      return sb.toString();
    }
  }

  static final List<Q> QUERIES = List.of(
      new Q("migration", null, null, null),
      new Q("tests first", null, null, null),
      new Q("acceptance criteria", null, null, null),
      new Q("invoices", null, null, "Operations"),
      new Q("", "code-review", null, null),
      new Q("review", null, "claude-code", "Engineering"),
      new Q("confidently wrong", null, null, null),
      new Q("checklist", "documentation", null, null));
}
