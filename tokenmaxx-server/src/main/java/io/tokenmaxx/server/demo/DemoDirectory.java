package io.tokenmaxx.server.demo;

import io.tokenmaxx.demo.DemoOrganization;
import io.tokenmaxx.demo.DemoPerson;
import io.tokenmaxx.identity.Alias;
import io.tokenmaxx.identity.Department;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.identity.Team;
import io.tokenmaxx.model.RawIdentity;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The directory of a generated organization as an HRIS would give it: departments and teams with
 * short ids ({@code engineering}, {@code customer-support}) and display names, people pointing at
 * them, and every identity their tools report as an alias.
 *
 * @param departments departments
 * @param teams       teams, each in a department
 * @param people      people, with team and department ids
 * @param aliases     e-mails, agent account ids, user ids, git e-mails, API key ids
 */
public record DemoDirectory(List<Department> departments, List<Team> teams, List<Person> people,
    List<Alias> aliases) {

  public static DemoDirectory of(DemoOrganization org) {
    Map<String, Department> departments = new LinkedHashMap<>();
    Map<String, Team> teams = new LinkedHashMap<>();
    List<Person> people = new ArrayList<>();
    List<Alias> aliases = new ArrayList<>();
    for (DemoPerson dp : org.people()) {
      Person p = dp.person();
      String dept = p.department() == null ? null : slug(p.department());
      String team = p.team() == null ? null : slug(p.team());
      if (dept != null) departments.putIfAbsent(dept, new Department(dept, p.department()));
      if (team != null) teams.putIfAbsent(team, new Team(team, p.team(), dept));
      people.add(new Person(p.id(), p.email(), p.name(), team, dept, p.manager(), p.role(),
          p.annualLoadedCost(), p.startDate()));
      for (RawIdentity id : dp.identities()) aliases.add(new Alias(id, p.id()));
    }
    return new DemoDirectory(List.copyOf(departments.values()), List.copyOf(teams.values()), people, aliases);
  }

  /** "Customer Support" → "customer-support"; "FP&A" → "fp-a". */
  static String slug(String name) {
    String n = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String s = n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return s.isEmpty() ? "x" : s;
  }
}
