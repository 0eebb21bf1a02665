package io.tokenmaxx.server.web.admin;

import io.tokenmaxx.analyze.AuditEntry;
import io.tokenmaxx.server.web.Access;
import io.tokenmaxx.server.web.NavItem;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.server.web.PageRoutes;
import io.tokenmaxx.server.web.Result;
import io.tokenmaxx.server.web.WebContext;
import io.tokenmaxx.server.web.WebRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/audit}: who viewed or exported person-level data, newest first, narrowed by person
 * or viewer and by the date range of the filter bar.
 */
public final class AuditPage implements Page {
  static final int LIMIT = 500;

  /**
   * @param entries  entries, newest first
   * @param person   the person filter ("" for any)
   * @param viewer   the viewer filter ("" for any)
   * @param names    person id to name, for display
   * @param zone     the zone times are shown in
   * @param limit    most entries shown
   */
  public record Model(List<AuditEntry> entries, String person, String viewer, Map<String, String> names,
      ZoneId zone, int limit) {}

  private final WebContext ctx;

  public AuditPage(WebContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public List<NavItem> nav() {
    return List.of(NavItem.admin("audit", "Audit log", "/admin/audit", 930));
  }

  @Override
  public void routes(PageRoutes r) {
    r.get("/admin/audit", Access.ADMIN, this::show);
  }

  private Result show(WebRequest w) {
    String person = w.param("person").orElse("");
    String viewer = w.param("viewer").orElse("");
    LocalDate from = w.filter().from();
    LocalDate to = w.filter().to();
    ZoneId zone = w.filter().zone();
    List<AuditEntry> entries = ctx.audit().entries(from.atStartOfDay(zone).toInstant(),
        to.plusDays(1).atStartOfDay(zone).toInstant(), person.isEmpty() ? null : person,
        viewer.isEmpty() ? null : viewer, LIMIT);
    Map<String, String> names = new java.util.HashMap<>();
    ctx.directory().people().forEach(p -> names.put(p.id(), p.name() == null ? p.id() : p.name()));
    return Result.view("admin/audit.jte", "Audit log", "audit",
        new Model(entries, person, viewer, names, zone, LIMIT)).withDatesOnly();
  }
}
