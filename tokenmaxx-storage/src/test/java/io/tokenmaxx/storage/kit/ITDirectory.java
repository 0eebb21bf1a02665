package io.tokenmaxx.storage.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.identity.Alias;
import io.tokenmaxx.identity.Department;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.Directory.Reattribution;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.identity.Team;
import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.storage.Dimension;
import io.tokenmaxx.storage.UsageAggregate;
import io.tokenmaxx.storage.UsageQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** People, teams, aliases, and re-attribution of records that arrived before their alias. */
public abstract class ITDirectory extends StorageTest {
  static final RawIdentity LAPTOP = new RawIdentity(RawIdentity.Kind.ACCOUNT_UUID, "acct-7f3e");
  static final RawIdentity HASH = new RawIdentity(RawIdentity.Kind.USER_ID, "9c1d2e");

  Directory dir() {
    return storage.directory();
  }

  @Test
  void peopleTeamsAndDepartmentsRoundTrip() {
    Person ana = new Person("ana", "Ana@Example.com", "Ana Lima", "web", "eng", "bo", "Staff Engineer",
        new BigDecimal("185000.5") /* stores return costs without trailing zeros */, LocalDate.of(2021, 2, 28));
    Person bo = Person.of("bo", null, null);
    dir().upsertPeople(List.of(bo, ana));
    dir().upsertTeams(List.of(new Team("web", "Web", "eng"), new Team("ml", null, null)));
    dir().upsertDepartments(List.of(new Department("eng", "Engineering")));

    assertThat(dir().people()).containsExactly(ana, bo);
    assertThat(dir().person("ana")).contains(ana);
    assertThat(dir().person("nobody")).isEmpty();
    assertThat(dir().teams()).containsExactly(new Team("ml", null, null), new Team("web", "Web", "eng"));
    assertThat(dir().departments()).containsExactly(new Department("eng", "Engineering"));
    assertThat(dir().resolve(RawIdentity.email("ANA@example.com"))).contains("ana");

    Person moved = new Person("ana", "ana@example.com", "Ana Lima", "ml", "eng", null, "Principal", null, null);
    dir().upsertPeople(List.of(moved));
    dir().upsertTeams(List.of(new Team("ml", "Machine Learning", "eng")));
    assertThat(dir().person("ana")).contains(moved);
    assertThat(dir().people()).hasSize(2);
    assertThat(dir().teams()).contains(new Team("ml", "Machine Learning", "eng"));
  }

  @Test
  void anAliasReattributesRecordsThatArrivedBeforeIt() {
    List<UsageRecord> usage = new ArrayList<>();
    for (int i = 0; i < 300; i++) usage.add(usage("early-" + i, i % 3 == 0 ? HASH : LAPTOP, null));
    usage.add(usage("other-person", LAPTOP, "zed")); // attributed by other means: stays
    usage.add(usage("no-identity", null, null));
    storage.usageConsumer().accept(usage);
    storage.outcomeConsumer().accept(List.of(outcome("o1", LAPTOP, null), outcome("o2", HASH, null)));

    Reattribution r = dir().addAlias(LAPTOP, "ana");

    assertThat(r).isEqualTo(new Reattribution(1, 200, 1));
    assertThat(byPerson()).containsEntry("ana", 200L).containsEntry("zed", 1L).containsEntry(null, 101L);
    assertThat(storage.usageStore().outcomes(UsageQuery.builder().persons(Set.of("ana")).build(), 10))
        .extracting(OutcomeRecord::id).containsExactly("o1");
    assertThat(dir().resolve(LAPTOP)).contains("ana");

    assertThat(dir().addAlias(LAPTOP, "ana")).isEqualTo(new Reattribution(1, 0, 0)); // nothing left to do
  }

  @Test
  void movingAnAliasMovesTheRecordsItExplained() {
    storage.usageConsumer().accept(List.of(usage("a", LAPTOP, null), usage("b", LAPTOP, null),
        usage("c", LAPTOP, "zed")));
    dir().addAlias(LAPTOP, "ana");

    Reattribution r = dir().addAlias(LAPTOP, "bo");

    assertThat(r.usageRecords()).isEqualTo(2);
    assertThat(byPerson()).containsEntry("bo", 2L).containsEntry("zed", 1L).doesNotContainKey("ana");
    assertThat(dir().aliases()).containsExactly(new Alias(LAPTOP, "bo"));
  }

  @Test
  void addingAPersonWithAnEmailReattributesThatEmail() {
    RawIdentity email = RawIdentity.email("cy@example.com");
    storage.usageConsumer().accept(List.of(usage("x", email, null), usage("y", email, null)));

    dir().upsertPeople(List.of(Person.of("cy", "CY@example.com", "Cy")));

    assertThat(byPerson()).containsEntry("cy", 2L);
  }

  @Test
  void manyAliasesAtOnceLastOneWinsAndAllResolve() {
    List<Alias> aliases = new ArrayList<>();
    List<UsageRecord> usage = new ArrayList<>();
    for (int i = 0; i < 700; i++) { // several VALUES chunks
      RawIdentity id = new RawIdentity(RawIdentity.Kind.GIT_EMAIL, "dev" + i + "@corp.example");
      aliases.add(new Alias(id, "p" + (i % 50)));
      usage.add(usage("r" + i, id, null));
    }
    aliases.add(new Alias(aliases.getFirst().identity(), "last-wins"));
    storage.usageConsumer().accept(usage);

    Reattribution r = dir().addAliases(aliases);

    assertThat(r).isEqualTo(new Reattribution(700, 700, 0));
    Map<RawIdentity, String> resolved = dir().resolveAll(aliases.stream().map(Alias::identity).toList());
    assertThat(resolved).hasSize(700).containsEntry(aliases.getFirst().identity(), "last-wins");
    assertThat(byPerson()).containsEntry("last-wins", 1L).doesNotContainKey(null);
  }

  @Test
  void resolveKnowsPersonIdsAndUnknowns() {
    dir().upsertPeople(List.of(Person.of("ana", null, null)));
    dir().addAlias(HASH, "ana");
    RawIdentity ghost = RawIdentity.email("ghost@example.com");
    RawIdentity direct = new RawIdentity(RawIdentity.Kind.PERSON_ID, "ana");
    RawIdentity unknownId = new RawIdentity(RawIdentity.Kind.PERSON_ID, "nobody");

    assertThat(dir().resolve(ghost)).isEmpty();
    assertThat(dir().resolve(direct)).contains("ana");
    assertThat(dir().resolveAll(List.of(ghost, direct, unknownId, HASH)))
        .isEqualTo(Map.of(direct, "ana", HASH, "ana"));
    assertThat(dir().resolveAll(List.of())).isEmpty();
  }

  @Test
  void removingAnAliasKeepsWhatWasAttributed() {
    storage.usageConsumer().accept(List.of(usage("a", HASH, null)));
    dir().addAlias(HASH, "ana");
    assertThat(dir().removeAlias(HASH)).isTrue();
    assertThat(dir().removeAlias(HASH)).isFalse();
    assertThat(dir().resolve(HASH)).isEmpty();
    assertThat(byPerson()).containsEntry("ana", 1L);
  }

  @Test
  void badInputIsRefusedWhole() {
    assertThatThrownBy(() -> dir().upsertPeople(Arrays.asList(Person.of("a", null, null), null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("person #1 is null");
    assertThatThrownBy(() -> dir().upsertPeople(List.of(Person.of("a", null, "nul\u0000"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("person #0");
    assertThatThrownBy(() -> dir().upsertPeople(List.of(new Person("a", null, null, null, null, null, null,
        new BigDecimal("0.0000000000000000001"), null))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("annualLoadedCost");
    assertThat(dir().people()).isEmpty();
  }

  @Test
  void reattributionIsOneSetBasedUpdateEvenForManyRecords() {
    List<UsageRecord> usage = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) usage.add(usage("bulk-" + i, i % 2 == 0 ? LAPTOP : HASH, null));
    storage.usageConsumer().accept(usage);

    Reattribution r = dir().addAliases(List.of(new Alias(LAPTOP, "ana"), new Alias(HASH, "bo")));

    assertThat(r.usageRecords()).isEqualTo(20_000);
    assertThat(byPerson()).isEqualTo(Map.of("ana", 10_000L, "bo", 10_000L));
  }

  private Map<String, Long> byPerson() {
    Map<String, Long> out = new HashMap<>();
    for (UsageAggregate a : storage.usageStore().aggregate(UsageQuery.builder().groupBy(Dimension.PERSON).build())) {
      out.put(a.key().getFirst(), a.records());
    }
    return out;
  }

  static UsageRecord usage(String id, RawIdentity identity, String person) {
    return UsageRecord.builder().id(id).timestamp(Instant.parse("2024-05-01T10:00:00Z")).source("otlp")
        .tool("claude-code").identity(identity).person(person).inputTokens(10).build();
  }

  static OutcomeRecord outcome(String id, RawIdentity identity, String person) {
    return new OutcomeRecord(id, Instant.parse("2024-05-01T10:00:00Z"), "otlp", "claude-code",
        OutcomeKind.COMMIT, 1, person, identity, null, null, null);
  }

}
