package io.tokenmaxx.storage.postgres;

import io.tokenmaxx.analyze.AnalyticsFixture;
import io.tokenmaxx.analyze.store.ReferenceAnalyticsStore;
import io.tokenmaxx.analyze.store.Scope;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.storage.kit.AnalyticsAgreement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Compaction on PostgreSQL: small batches, a low threshold, answers still equal the reference. */
class PostgresRollupCompactionTest {
  @Test
  void compactionKeepsAnswersRight() {
    TestPostgres.requireServer();
    String schema = "tm_test_" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36).toLowerCase(Locale.ROOT);
    PostgresStorage s = PostgresStorage.builder().url(TestPostgres.URL).user(TestPostgres.USER).schema(schema)
        .poolSize(2).analyticsCompactAfter(300).build();
    try {
      AnalyticsFixture fx = AnalyticsFixture.generate(9, 20, 3, LocalDate.of(2026, 11, 20));
      s.directory().upsertDepartments(fx.departments);
      s.directory().upsertTeams(fx.teams);
      s.directory().upsertPeople(fx.people);
      List<UsageRecord> u = fx.usage;
      for (int i = 0; i < u.size(); i += 300) s.usageConsumer().accept(u.subList(i, Math.min(u.size(), i + 300)));
      s.outcomeConsumer().accept(fx.outcomes);
      ReferenceAnalyticsStore ref = new ReferenceAnalyticsStore(fx.usage, fx.outcomes, fx.people);
      for (Scope scope : AnalyticsAgreement.scopes(fx, 4, 1)) AnalyticsAgreement.assertAgrees(ref, s.analytics(), scope);
    } finally {
      s.close();
      TestPostgres.drop(s);
    }
  }
}
