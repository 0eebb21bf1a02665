package io.tokenmaxx.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.account.Account;
import io.tokenmaxx.analyze.OrgChart;
import io.tokenmaxx.analyze.Role;
import io.tokenmaxx.demo.DemoSpec;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.server.web.auth.Passwords;
import io.tokenmaxx.storage.Dimension;
import io.tokenmaxx.storage.StorageComponent;
import io.tokenmaxx.storage.UsageQuery;
import io.tokenmaxx.storage.duckdb.DuckDbStorage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoLoaderTest {
  static final Passwords CHEAP = new Passwords(1024, 1, 1);
  static final DemoSpec SPEC = DemoSpec.of(3, 40, 2, LocalDate.of(2026, 3, 13));

  @TempDir Path dir;

  static DemoLoader.Loaded load(StorageComponent s, int threads) {
    return new DemoLoader(s, List.of(), CHEAP, threads).load(SPEC);
  }

  @Test
  void theSameSeedLoadsTheSameOrganizationWhateverTheThreads() {
    try (StorageComponent a = DuckDbStorage.builder().inMemory().build();
        StorageComponent b = DuckDbStorage.builder().inMemory().build()) {
      DemoLoader.Loaded la = load(a, 1);
      DemoLoader.Loaded lb = load(b, 3);
      assertThat(la.usageRecords()).isPositive().isEqualTo(lb.usageRecords());
      assertThat(a.usageStore().countUsage()).isEqualTo(la.usageRecords());
      assertThat(a.usageStore().countOutcomes()).isEqualTo(la.outcomeRecords()).isEqualTo(lb.outcomeRecords());
      UsageQuery byPerson = UsageQuery.builder().groupBy(Dimension.PERSON, Dimension.MODEL).build();
      assertThat(a.usageStore().aggregate(byPerson)).isEqualTo(b.usageStore().aggregate(byPerson));
      assertThat(a.directory().people()).isEqualTo(b.directory().people());
      assertThat(la.accounts()).extracting(DemoLoader.DemoAccount::email)
          .isEqualTo(lb.accounts().stream().map(DemoLoader.DemoAccount::email).toList());
    }
  }

  @Test
  void theDirectoryHasShortIdsNamesAndEveryIdentity() {
    try (StorageComponent s = DuckDbStorage.builder().inMemory().build()) {
      DemoLoader.Loaded l = load(s, 2);
      assertThat(s.directory().departments()).anyMatch(d -> d.id().equals("engineering") && d.name().equals("Engineering"));
      assertThat(s.directory().teams()).allMatch(t -> t.id().matches("[a-z0-9-]+") && t.department() != null);
      assertThat(s.directory().people()).hasSize(40).allMatch(p -> p.team() == null || p.team().matches("[a-z0-9-]+"));
      var someone = l.org().people().get(7);
      for (RawIdentity id : someone.identities()) assertThat(s.directory().resolve(id)).contains(someone.id());
      assertThat(s.usageStore().records(UsageQuery.all(), Integer.MAX_VALUE))
          .allMatch(r -> r.person() != null || r.id().startsWith("contractor:"))
          .anyMatch(r -> r.person() == null)
          .noneMatch(r -> r.person() == null && r.identity() != null && s.directory().resolve(r.identity()).isPresent());
    }
  }

  @Test
  void threeAccountsAdminManagerWithSubtreeAndMemberWhosePasswordsWork() {
    try (StorageComponent s = DuckDbStorage.builder().inMemory().build()) {
      DemoLoader.Loaded l = load(s, 2);
      assertThat(l.accounts()).extracting(DemoLoader.DemoAccount::role).containsExactly(Role.ADMIN, Role.MANAGER, Role.MEMBER);
      OrgChart chart = OrgChart.of(s.directory().people());
      Account manager = s.accounts().byEmail(l.accounts().get(1).email()).orElseThrow();
      Account member = s.accounts().byEmail(l.accounts().get(2).email()).orElseThrow();
      assertThat(chart.subtree(manager.person())).hasSizeGreaterThan(5).contains(member.person());
      Person memberPerson = s.directory().person(member.person()).orElseThrow();
      assertThat(memberPerson.role()).isEqualTo("Software Engineer");
      assertThat(s.usageStore().aggregate(UsageQuery.builder().persons(java.util.Set.of(member.person())).build()))
          .isNotEmpty();
      for (DemoLoader.DemoAccount a : l.accounts()) {
        Account acc = s.accounts().byEmail(a.email()).orElseThrow();
        assertThat(acc.role()).isEqualTo(a.role());
        assertThat(CHEAP.verify(a.password(), s.accounts().passwordHash(acc.id()).orElseThrow())).isTrue();
      }
    }
  }

  @Test
  void theStateFileRoundTripsAndNamesWhatDiffers() {
    try (StorageComponent s = DuckDbStorage.builder().inMemory().build()) {
      DemoLoader.Loaded l = load(s, 2);
      DemoState state = DemoState.of(SPEC, l);
      state.write(dir);
      DemoState read = DemoState.read(dir);
      assertThat(read).isEqualTo(state);
      assertThat(read.spec().seed()).isEqualTo(SPEC.seed());
      assertThat(read.mismatch(3L, 40, 2)).isNull();
      assertThat(read.mismatch(null, null, null)).isNull();
      assertThat(read.mismatch(4L, 40, 3)).isEqualTo("--seed 3 --weeks 2");
      assertThat(DemoState.read(dir.resolve("none"))).isNull();
      assertThat(java.nio.file.Files.getPosixFilePermissions(dir.resolve(DemoState.FILE)).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void slugsAreShortLowerCaseAndAscii() {
    assertThat(DemoDirectory.slug("Customer Support")).isEqualTo("customer-support");
    assertThat(DemoDirectory.slug("FP&A")).isEqualTo("fp-a");
    assertThat(DemoDirectory.slug("Équipe Spéciale")).isEqualTo("equipe-speciale");
    assertThat(DemoDirectory.slug("***")).isEqualTo("x");
  }
}
