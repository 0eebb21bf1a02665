package io.tokenmaxx.collect.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AnthropicImporterTest extends VendorImportContract {
  @Override
  VendorStandIn standIn(LocalDate today) throws Exception {
    return new AnthropicStandIn(today, 42, 8);
  }

  @Test
  void sendsTheDocumentedRequests() {
    try (ImportScheduler s = scheduler(store)) {
      s.runDue();
    }
    var log = standIn.server().log();
    assertThat(log).allSatisfy(r -> {
      assertThat(r.headers()).containsEntry("anthropic-version", "2023-06-01");
      assertThat(r.method()).isEqualTo("GET");
    });
    assertThat(log).filteredOn(r -> r.path().endsWith("/claude_code"))
        .allSatisfy(r -> assertThat(r.param("starting_at")).matches("\\d{4}-\\d{2}-\\d{2}"))
        .anySatisfy(r -> assertThat(r.param("page")).isNotNull());
    assertThat(log).filteredOn(r -> r.path().endsWith("/messages"))
        .allSatisfy(r -> assertThat(r.params("group_by[]")).containsExactly("api_key_id", "workspace_id", "model"));
    // keys link to their names and creators, users to their e-mails
    assertThat(store.links).anySatisfy(l -> assertThat(l.identities().toString())
        .contains("api_key:anthropic:apikey_3", "email:dev3@example.com"));
    assertThat(store.links).anySatisfy(l -> assertThat(l.identities().toString())
        .contains("api_key:anthropic:apikey_6", "api_key:anthropic-key-name:key of dev 6"));
  }
}
