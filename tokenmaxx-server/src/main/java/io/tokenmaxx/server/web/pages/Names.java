package io.tokenmaxx.server.web.pages;

import java.util.Map;

/** Display names of teams and departments by id (ids shown when a name is missing). */
public record Names(Map<String, String> teams, Map<String, String> departments,
    Map<String, String> teamDepartments) {

  /** The department of a team (its name), "—" when unknown. */
  public String departmentOfTeam(String team) {
    return department(team == null ? null : teamDepartments.get(team));
  }

  public String team(String id) {
    return id == null ? "—" : teams.getOrDefault(id, id);
  }

  public String department(String id) {
    return id == null ? "—" : departments.getOrDefault(id, id);
  }

  /** The group a peer comparison is over, by name. */
  public String peerGroup(io.tokenmaxx.analyze.page.PeerComparison p) {
    if (p.group() == null) return "";
    return switch (p.basis()) {
      case "team" -> team(p.group());
      case "department" -> department(p.group());
      default -> p.group();
    };
  }
}
