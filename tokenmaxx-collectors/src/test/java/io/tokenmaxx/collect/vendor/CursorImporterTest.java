package io.tokenmaxx.collect.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CursorImporterTest extends VendorImportContract {
  @Override
  VendorStandIn standIn(LocalDate today) throws Exception {
    return new CursorStandIn(today, 11, 6, 3, 4, true);
  }

  @Override
  int pageSize() {
    return 5;
  }

  @Test
  void eventsAreRequestsWithTheirOwnTimesAndDailyDataIsAdoptionWithoutTokens() {
    try (ImportScheduler s = scheduler(store)) {
      s.runDue();
    }
    var events = store.usage.values().stream().filter(u -> u.id().startsWith("import:cursor.events:")).toList();
    var daily = store.usage.values().stream().filter(u -> u.id().startsWith("import:cursor.daily:")).toList();
    assertThat(events).isNotEmpty().allSatisfy(u -> assertThat(u.requests()).isEqualTo(1));
    assertThat(events).anySatisfy(u -> assertThat(u.timestamp().toString()).doesNotEndWith("T12:00:00Z"));
    assertThat(daily).isNotEmpty().allSatisfy(u -> {
      assertThat(u.totalTokens()).isZero();
      assertThat(u.requests()).isZero();
    });
    assertThat(store.links).anySatisfy(l -> assertThat(l.identities().toString()).contains("user_id:cursor:1003", "email:dev3@example.com"));
    assertThat(standIn.server().log()).filteredOn(r -> r.path().equals("/teams/filtered-usage-events"))
        .anySatisfy(r -> assertThat(r.json().get("page").asInt()).isGreaterThan(2));
  }
}
