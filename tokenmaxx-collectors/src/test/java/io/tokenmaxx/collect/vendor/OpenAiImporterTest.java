package io.tokenmaxx.collect.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OpenAiImporterTest extends VendorImportContract {
  @Override
  VendorStandIn standIn(LocalDate today) throws Exception {
    return new OpenAiStandIn(today, 7, 6);
  }

  @Test
  void cachedInputIsSplitOutAndKeysLinkToTheirOwners() {
    try (ImportScheduler s = scheduler(store)) {
      s.runDue();
    }
    assertThat(store.usage.values()).allSatisfy(u -> assertThat(u.provider()).isEqualTo("openai"));
    assertThat(store.usage.values()).anySatisfy(u -> assertThat(u.cacheReadTokens()).isPositive());
    assertThat(store.usage.values()).allSatisfy(u -> assertThat(u.project()).startsWith("proj_"));
    assertThat(store.links).anySatisfy(l -> assertThat(l.identities().toString())
        .contains("api_key:openai:key_4", "user_id:openai:user-4", "email:dev4@example.com"));
    // a service account's key belongs to no person
    assertThat(store.links).noneSatisfy(l -> assertThat(l.identities().toString()).contains("key_service"));
    assertThat(standIn.server().log()).filteredOn(r -> r.path().startsWith("/v1/organization/usage/"))
        .allSatisfy(r -> assertThat(r.params("group_by")).containsExactly("project_id", "user_id", "api_key_id", "model"));
  }
}
