package io.tokenmaxx.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.tokenmaxx.analyze.AuditEntry;
import io.tokenmaxx.analyze.Role;
import io.tokenmaxx.guard.GuardFlag;
import io.tokenmaxx.guard.Signal;
import io.tokenmaxx.guard.SignalHit;
import io.tokenmaxx.identity.Person;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Flags page with many flags: pages of 25, a name filter, and every view in the audit log. */
class FlagsPagingBrowserTest extends BrowserTest {
  static final LocalDate FIRST = LocalDate.of(2025, 1, 6);

  @Test
  void flagsArePagedFilteredAndEveryViewIsAudited() throws Exception {
    List<Person> people = app.people.stream().filter(p -> p.name() != null && p.id().startsWith("p0"))
        .sorted(java.util.Comparator.comparing(Person::id)).limit(20).toList();
    List<GuardFlag> flags = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      for (int w = 0; w < 2; w++) {
        flags.add(new GuardFlag(people.get(i).id(), FIRST.plusWeeks(2L * i + w), 1.0,
            List.of(new SignalHit(Signal.MACHINE_CADENCE, 1.0, "gaps of 30 s with a CV of 0.02", Map.of("cv", 0.02))),
            Map.of("records", 400), Instant.parse("2025-06-01T00:00:00Z"), GuardFlag.Status.OPEN, null, null, null));
      }
    }
    LocalDate end = FIRST.plusWeeks(2L * people.size() + 1);
    app.storage.flags().replace(FIRST, end, flags);
    try {
      Page admin = signIn(Role.ADMIN);
      assertThat(open(admin, "/flags?status=all")).isEqualTo(200);
      int total = app.storage.flags().list(new io.tokenmaxx.guard.FlagFilter(null, null, null, null)).size();
      assertThat(total).isGreaterThanOrEqualTo(40);
      assertThat(admin.locator("section.flag").count()).isEqualTo(25);
      assertThat(admin.locator("#flags-count").textContent()).contains("1–25 of " + total);
      int pages = (total + 24) / 25;
      assertThat(admin.locator("nav.pager").textContent()).contains("Page 1 of " + pages);
      CheckinBrowserTest.shot(admin, "31-flags-paged", false);
      admin.click("nav.pager a[rel=next]");
      admin.waitForURL(u -> u.contains("page=2"));
      assertThat(admin.locator("section.flag").count()).isEqualTo(Math.min(25, total - 25));
      assertThat(admin.locator("#flags-count").textContent()).contains("26–");

      Person one = people.get(3);
      admin.fill("input[name=q]", one.name());
      admin.click("form[action='/flags'] button[type=submit]");
      admin.waitForURL(u -> u.contains("q="));
      assertThat(admin.locator("section.flag").count()).isEqualTo(2);
      assertThat(admin.locator("section.flag h2 a").allTextContents()).allMatch(t -> t.equals(one.name()));
      CheckinBrowserTest.shot(admin, "31-flags-filtered", false);
      assertThat(open(admin, "/flags?page=zero")).isEqualTo(400);

      List<AuditEntry> audit = app.storage.auditLog().entries(Instant.EPOCH, Instant.now().plusSeconds(86400), null, null, 100_000);
      assertThat(audit).filteredOn(e -> "flags".equals(e.resource()))
          .hasSizeGreaterThanOrEqualTo(3)
          .anySatisfy(e -> assertThat(e.detail()).contains(one.id() + "@"));
    } finally {
      app.storage.flags().replace(FIRST, end, List.of());
    }
  }
}
