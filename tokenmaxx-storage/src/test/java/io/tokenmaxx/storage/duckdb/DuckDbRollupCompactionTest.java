package io.tokenmaxx.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.analyze.AnalyticsFixture;
import io.tokenmaxx.analyze.store.ReferenceAnalyticsStore;
import io.tokenmaxx.analyze.store.Scope;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.storage.kit.AnalyticsAgreement;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small batches make many partial rollup rows; compaction merges them and answers stay right. */
class DuckDbRollupCompactionTest {
  @TempDir Path dir;

  long[] load(Path file, int compactAfter, AnalyticsFixture fx) throws SQLException {
    try (DuckDbStorage s = DuckDbStorage.builder().path(file).threads(2).analyticsCompactAfter(compactAfter).build()) {
      s.directory().upsertDepartments(fx.departments);
      s.directory().upsertTeams(fx.teams);
      s.directory().upsertPeople(fx.people);
      List<UsageRecord> u = fx.usage;
      for (int i = 0; i < u.size(); i += 150) s.usageConsumer().accept(u.subList(i, Math.min(u.size(), i + 150)));
      s.outcomeConsumer().accept(fx.outcomes);
      ReferenceAnalyticsStore ref = new ReferenceAnalyticsStore(fx.usage, fx.outcomes, fx.people);
      for (Scope scope : AnalyticsAgreement.scopes(fx, 3, 2)) AnalyticsAgreement.assertAgrees(ref, s.analytics(), scope);
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM usage_hourly), (SELECT COUNT(*) FROM (SELECT DISTINCT "
            + "hour, person, identity_kind, identity_value, tool, provider, model FROM usage_hourly))")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }

  @Test
  void compactionMergesPartialRowsWithoutChangingAnswers() throws Exception {
    AnalyticsFixture fx = AnalyticsFixture.generate(9, 25, 3, LocalDate.of(2026, 11, 20));
    long[] never = load(dir.resolve("never.db"), Integer.MAX_VALUE, fx);
    long[] often = load(dir.resolve("often.db"), 300, fx);
    assertThat(never[1]).isEqualTo(often[1]);
    assertThat(never[0]).isGreaterThan(never[1]);
    assertThat(often[0]).isLessThan(never[0]).isLessThanOrEqualTo(often[1] + 300 + 150 * 2);
  }
}
