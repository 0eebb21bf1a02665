package io.tokenmaxx.server.checkin;

import io.tokenmaxx.identity.Department;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.Team;
import java.util.HashMap;
import java.util.Map;

/** Display names of teams and departments (the directory keys them by id). */
public record OrgNames(Map<String, String> teams, Map<String, String> departments) {

  public static OrgNames of(Directory directory) {
    Map<String, String> t = new HashMap<>();
    for (Team team : directory.teams()) if (team.name() != null) t.put(team.id(), team.name());
    Map<String, String> d = new HashMap<>();
    for (Department dept : directory.departments()) if (dept.name() != null) d.put(dept.id(), dept.name());
    return new OrgNames(t, d);
  }

  public String team(String id) {
    return id == null ? null : teams.getOrDefault(id, id);
  }

  public String department(String id) {
    return id == null ? null : departments.getOrDefault(id, id);
  }
}
