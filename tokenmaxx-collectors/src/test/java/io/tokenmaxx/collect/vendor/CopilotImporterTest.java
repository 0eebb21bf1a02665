package io.tokenmaxx.collect.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CopilotImporterTest extends VendorImportContract {
  @Override
  VendorStandIn standIn(LocalDate today) throws Exception {
    return new CopilotStandIn(today, 5, 8);
  }

  @Test
  void activityAndAcceptancesAreAdoptionAndOutcomesNotTokens() {
    try (ImportScheduler s = scheduler(store)) {
      s.runDue();
    }
    assertThat(store.usage.values()).isNotEmpty().allSatisfy(u -> assertThat(u.totalTokens()).isZero());
    assertThat(store.usage.values()).anySatisfy(u -> assertThat(u.requests()).isPositive());
    assertThat(store.outcomes.values()).isNotEmpty();
    assertThat(store.links).anySatisfy(l -> assertThat(l.identities().toString()).contains("user_id:github:5002", "user_id:github-login:dev2"));
    // nothing is asked for before the report exists (two days of lag)
    assertThat(standIn.server().log()).filteredOn(r -> r.path().endsWith("users-1-day"))
        .allSatisfy(r -> assertThat(LocalDate.parse(r.param("day"))).isBeforeOrEqualTo(TODAY.minusDays(2)));
    assertThat(standIn.server().log()).filteredOn(r -> r.path().startsWith("/download/"))
        .allSatisfy(r -> assertThat(r.headers()).doesNotContainKey("authorization"));
  }
}
