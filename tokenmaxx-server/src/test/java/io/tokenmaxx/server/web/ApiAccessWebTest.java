package io.tokenmaxx.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.analyze.Role;
import io.tokenmaxx.identity.Person;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analytics API as a signed-in browser reaches it (the CSV links of the pages): the same scope
 * as the pages, someone else's person data refused without leaking it, reads only.
 */
class ApiAccessWebTest {
  static final Pattern CSV_LINK = Pattern.compile("href=\"(/api/v1/analytics/[^\"]+)\"");
  static TestDashboard app;

  @BeforeAll
  static void start() {
    app = TestDashboard.get();
  }

  static String name(String id) {
    return app.people.stream().filter(p -> p.id().equals(id)).map(Person::name).findFirst().orElseThrow();
  }

  @Test
  void aMemberReadsTheirOwnPersonDataButNobodyElses() {
    WebClient c = new WebClient(app.base);
    c.signIn(app.email(Role.MEMBER), app.password(Role.MEMBER));
    String me = app.personOf.get(Role.MEMBER);
    HttpResponse<String> mine = c.get("/api/v1/analytics/people/" + me);
    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(mine.body()).contains(name(me));
    for (String other : new String[] {app.inSubtree, app.outsideSubtree, app.personOf.get(Role.ADMIN)}) {
      HttpResponse<String> r = c.get("/api/v1/analytics/people/" + other);
      assertThat(r.statusCode()).as(other).isIn(403, 404);
      assertThat(r.body()).as(other).doesNotContain(name(other)).doesNotContain("\"tokens\"");
      HttpResponse<String> csv = c.get("/api/v1/analytics/people/" + other + "?format=csv&table=sessions");
      assertThat(csv.statusCode()).as(other).isIn(403, 404);
    }
  }

  @Test
  void aManagerReadsTheirSubtreeOnly() {
    WebClient c = new WebClient(app.base);
    c.signIn(app.email(Role.MANAGER), app.password(Role.MANAGER));
    assertThat(c.get("/api/v1/analytics/people/" + app.inSubtree).statusCode()).isEqualTo(200);
    HttpResponse<String> r = c.get("/api/v1/analytics/people/" + app.outsideSubtree);
    assertThat(r.statusCode()).isIn(403, 404);
    assertThat(r.body()).doesNotContain(name(app.outsideSubtree));
  }

  @Test
  void withoutASessionOrTokenTheApiAnswers401() {
    assertThat(new WebClient(app.base).get("/api/v1/analytics/overview").statusCode()).isEqualTo(401);
  }

  @Test
  void everyCsvLinkOnThePagesDownloadsForTheSignedInViewer() {
    WebClient c = new WebClient(app.base);
    c.signIn(app.email(Role.ADMIN), app.password(Role.ADMIN));
    int links = 0;
    for (String page : new String[] {"/overview", "/adoption", "/leaderboard", "/usage", "/spend",
        "/people/" + app.inSubtree, "/teams/" + TestDashboard.XSS_TEAM_ID, "/admin/audit", "/admin/unattributed"}) {
      String html = c.get(page + "?team=").body();
      Matcher m = CSV_LINK.matcher(html);
      while (m.find()) {
        String href = m.group(1).replace("&amp;", "&");
        HttpResponse<String> r = c.get(href);
        assertThat(r.statusCode()).as(href).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).as(href).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        links++;
      }
    }
    assertThat(links).isGreaterThan(20);
  }

  @Test
  void aSessionCannotBeUsedForAnythingButReads() {
    WebClient c = new WebClient(app.base);
    c.signIn(app.email(Role.ADMIN), app.password(Role.ADMIN));
    HttpResponse<String> r = c.post("/api/v1/tokens", Map.of("scope", "admin"), app.base);
    assertThat(r.statusCode()).isEqualTo(401);
  }
}
