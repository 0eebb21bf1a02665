package io.tokenmaxx.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenmaxx.analyze.AnalyticsFixture;
import io.tokenmaxx.analyze.AuditEntry;
import io.tokenmaxx.analyze.OrgChart;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.identity.TokenScope;
import io.tokenmaxx.server.TestServer;
import io.tokenmaxx.server.http.Json;
import io.tokenmaxx.storage.StorageComponent;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v1/records}: who may export whose records, and that reads of others are audited. */
class RecordsExportTest {
  static final LocalDate END = LocalDate.of(2026, 11, 20);
  @TempDir static Path dir;
  static TestServer s;
  static AnalyticsFixture fx;
  static Person member;
  static Person manager;
  static Person outsider;
  static String memberToken;
  static String managerToken;

  @BeforeAll
  static void start() throws Exception {
    s = new TestServer(dir, Map.of());
    fx = AnalyticsFixture.generate(11, 40, 5, END);
    StorageComponent store = s.assembly.store();
    store.directory().upsertDepartments(fx.departments);
    store.directory().upsertTeams(fx.teams);
    store.directory().upsertPeople(fx.people);
    store.usageConsumer().accept(fx.usage);
    OrgChart chart = OrgChart.of(fx.people);
    Set<String> used = fx.usage.stream().map(r -> r.person()).filter(p -> p != null).collect(Collectors.toSet());
    member = fx.people.stream().filter(p -> !chart.managesAnyone(p.id()) && p.manager() != null && used.contains(p.id()))
        .findFirst().orElseThrow();
    manager = fx.people.stream().filter(p -> p.id().equals(member.manager())).findFirst().orElseThrow();
    Set<String> subtree = chart.subtree(manager.id());
    outsider = fx.people.stream().filter(p -> !subtree.contains(p.id()) && used.contains(p.id())).findFirst().orElseThrow();
    memberToken = store.tokens().create(TokenScope.READ, member.id(), null, "test").secret();
    managerToken = store.tokens().create(TokenScope.READ, manager.id(), null, "test").secret();
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static List<JsonNode> records(String query, String token, int status) throws Exception {
    HttpResponse<String> r = s.get("/api/v1/records" + query, token);
    assertThat(r.statusCode()).as(query + " " + r.body()).isEqualTo(status);
    if (status != 200) return List.of();
    assertThat(r.headers().firstValue("Content-Type")).contains("application/x-ndjson");
    List<JsonNode> out = new java.util.ArrayList<>();
    for (String line : r.body().split("\n")) if (!line.isBlank()) out.add(Json.MAPPER.readTree(line));
    assertThat(r.headers().firstValue("X-Tokenmaxx-Records")).contains(Integer.toString(out.size()));
    return out;
  }

  static long stored(String person) {
    return fx.usage.stream().filter(r -> person.equals(r.person())).count();
  }

  @Test
  void aMemberReadsOnlyTheirOwnRecords() throws Exception {
    List<JsonNode> own = records("", memberToken, 200);
    assertThat(own).hasSize((int) stored(member.id())).allSatisfy(r -> assertThat(r.get("person").asText()).isEqualTo(member.id()));
    assertThat(records("?person=" + member.email(), memberToken, 200)).hasSize(own.size());
    HttpResponse<String> denied = s.get("/api/v1/records?person=" + manager.id(), memberToken);
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body()).contains("report to them").contains(manager.id());
  }

  @Test
  void aManagerReadsTheirReportsButNotOtherPeopleAndTheReadIsAudited() throws Exception {
    List<JsonNode> report = records("?person=" + member.id() + "&since=2026-10-01", managerToken, 200);
    assertThat(report).isNotEmpty().allSatisfy(r -> assertThat(r.get("person").asText()).isEqualTo(member.id()));
    assertThat(records("?person=" + manager.email(), managerToken, 200)).hasSize((int) stored(manager.id()));
    HttpResponse<String> denied = s.get("/api/v1/records?person=" + outsider.id(), managerToken);
    assertThat(denied.statusCode()).as(denied.body()).isEqualTo(403);
    assertThat(s.get("/api/v1/records?person=nobody@example.com", managerToken).statusCode()).isEqualTo(404);

    List<AuditEntry> audit = s.assembly.store().auditLog().entries(Instant.EPOCH, Instant.now().plusSeconds(60), member.id(),
        null, 100);
    assertThat(audit).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo(AuditEntry.EXPORT);
      assertThat(e.resource()).isEqualTo("records");
      assertThat(e.detail()).contains("since 2026-10-01");
    });
    assertThat(s.assembly.store().auditLog().entries(Instant.EPOCH, Instant.now().plusSeconds(60), outsider.id(), null, 100))
        .noneMatch(e -> e.resource().equals("records"));
  }

  @Test
  void anAdminReadsAnyoneAndMustSayWhom() throws Exception {
    assertThat(records("?person=" + outsider.id(), s.adminToken, 200)).hasSize((int) stored(outsider.id()));
    HttpResponse<String> r = s.get("/api/v1/records", s.adminToken);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("person");
  }
}
