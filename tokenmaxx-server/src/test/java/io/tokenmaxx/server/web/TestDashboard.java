package io.tokenmaxx.server.web;

import io.tokenmaxx.analyze.OrgChart;
import io.tokenmaxx.analyze.Role;
import io.tokenmaxx.demo.DemoSpec;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.identity.Team;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.Sources;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.server.ServerAssembly;
import io.tokenmaxx.server.TokenmaxxServer;
import io.tokenmaxx.server.config.ConfigLoader;
import io.tokenmaxx.server.config.ServerConfig;
import io.tokenmaxx.server.demo.DemoLoader;
import io.tokenmaxx.server.web.auth.Passwords;
import io.tokenmaxx.storage.duckdb.DuckDbStorage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One dashboard server for the web tests of a JVM: a small generated organization (60 people, 4
 * weeks, fixed seed and "today") in an in-memory store, its three demo accounts, plus a person and a
 * team whose names are markup (for the XSS checks). Started on first use, stopped when the JVM ends.
 */
final class TestDashboard {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 13);
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final String XSS_NAME = "<img src=x onerror=\"window.__xss=1\">Eve";
  static final String XSS_TEAM = "\"><script>window.__xss=2</script>";
  static final String XSS_PERSON = "p-xss";
  static final String XSS_TEAM_ID = "xss-team";

  private static TestDashboard instance;

  final TokenmaxxServer server;
  final String base;
  final Map<Role, DemoLoader.DemoAccount> accounts = new EnumMap<>(Role.class);
  final Map<Role, String> personOf = new EnumMap<>(Role.class);
  final DuckDbStorage storage;
  /** Someone in the manager's reporting subtree (not the member). */
  final String inSubtree;
  /** Someone outside the manager's subtree. */
  final String outsideSubtree;
  final List<Person> people;

  static synchronized TestDashboard get() {
    if (instance == null) {
      instance = new TestDashboard();
      Runtime.getRuntime().addShutdownHook(new Thread(instance.server::close));
    }
    return instance;
  }

  private TestDashboard() {
    try {
      Path data = Files.createTempDirectory("tokenmaxx-web-test");
      storage = DuckDbStorage.builder().inMemory().build();
      DemoSpec spec = new DemoSpec(7, 60, 4, TODAY, ZONE, 1.0, 0.05, java.time.DayOfWeek.FRIDAY);
      Passwords passwords = new Passwords(1024, 1, 1);
      DemoLoader.Loaded loaded = new DemoLoader(storage, List.of(new io.tokenmaxx.pricing.PricingEnricher(io.tokenmaxx.pricing.PriceCatalog.bundled())), passwords, 2).load(spec);
      for (DemoLoader.DemoAccount a : loaded.accounts()) accounts.put(a.role(), a);
      List<Person> before = storage.directory().people();
      for (DemoLoader.DemoAccount a : loaded.accounts()) {
        personOf.put(a.role(), before.stream().filter(p -> a.email().equals(p.email())).findFirst().orElseThrow().id());
      }
      addMarkupPerson(before);
      people = storage.directory().people();
      Set<String> subtree = OrgChart.of(people).subtree(personOf.get(Role.MANAGER));
      inSubtree = people.stream().map(Person::id)
          .filter(id -> subtree.contains(id) && !id.equals(personOf.get(Role.MEMBER)) && !id.equals(personOf.get(Role.MANAGER)))
          .sorted().findFirst().orElseThrow();
      outsideSubtree = people.stream().map(Person::id)
          .filter(id -> !subtree.contains(id) && !id.equals(personOf.get(Role.ADMIN))).sorted().findFirst().orElseThrow();
      ServerConfig config = new ConfigLoader().overrides(Map.of("port", "0", "host", "127.0.0.1",
          "data", data.toString(), "analytics.zone", ZONE.getId())).load();
      Clock clock = Clock.fixed(TODAY.atTime(15, 0).atZone(ZONE).toInstant(), ZONE);
      server = new ServerAssembly(config, clock).storage(storage).passwords(passwords).build().start();
      base = "http://127.0.0.1:" + server.port();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A person and a team named with markup, in the manager's subtree, with some usage. */
  private void addMarkupPerson(List<Person> people) {
    String managerId = personOf.get(Role.MANAGER);
    Person manager = people.stream().filter(p -> p.id().equals(managerId)).findFirst().orElseThrow();
    storage.directory().upsertTeams(List.of(new Team(XSS_TEAM_ID, XSS_TEAM, manager.department())));
    storage.directory().upsertPeople(List.of(new Person(XSS_PERSON, "eve@example.com", XSS_NAME, XSS_TEAM_ID,
        manager.department(), managerId, "<b>Engineer</b>", new BigDecimal("150000"), TODAY.minusYears(1))));
    List<UsageRecord> usage = new ArrayList<>();
    for (int d = 0; d < 20; d++) {
      usage.add(UsageRecord.builder().id("xss-" + d).timestamp(TODAY.minusDays(d).atTime(11, 0).atZone(ZONE).toInstant())
          .source(Sources.DEMO).tool("claude-code").provider("anthropic").model("claude-sonnet-4-6")
          .person(XSS_PERSON).identity(RawIdentity.email("eve@example.com")).sessionId("xss-s-" + d)
          .project("<script>p</script>").inputTokens(1000).outputTokens(500).requests(1).build());
    }
    storage.usageConsumer().accept(usage);
  }

  String password(Role r) {
    return accounts.get(r).password();
  }

  String email(Role r) {
    return accounts.get(r).email();
  }
}
