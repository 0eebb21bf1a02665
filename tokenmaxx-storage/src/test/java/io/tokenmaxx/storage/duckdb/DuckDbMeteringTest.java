package io.tokenmaxx.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.metering.BudgetLedger;
import io.tokenmaxx.storage.StorageComponent;
import io.tokenmaxx.storage.kit.ITBudgetLedger;
import io.tokenmaxx.storage.kit.ITCascades;
import io.tokenmaxx.storage.kit.ITKeyRouting;
import io.tokenmaxx.storage.kit.ITRoutingLog;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's budget ledger and cascade outcomes in DuckDB. */
class DuckDbMeteringTest {

  @Nested
  class Ledger extends ITBudgetLedger {
    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return DuckDbStorage.builder().inMemory().build();
    }
  }

  @Nested
  class Routing extends ITRoutingLog {
    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return DuckDbStorage.builder().inMemory().build();
    }
  }

  @Nested
  class KeyRoutingTable extends ITKeyRouting {
    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return DuckDbStorage.builder().inMemory().build();
    }
  }

  @Nested
  class Cascades extends ITCascades {
    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return DuckDbStorage.builder().inMemory().build();
    }
  }

  @Test
  void consumptionOutlivesARestart(@TempDir Path dir) {
    BudgetLedger.Key k = new BudgetLedger.Key("team:web/usd/month", Instant.parse("2026-05-01T00:00:00Z"));
    try (DuckDbStorage s = DuckDbStorage.builder().path(dir.resolve("t.duckdb")).build()) {
      s.budgetLedger().tryReserve(k, BigDecimal.TEN, BigDecimal.ONE);
      s.budgetLedger().settle(k, BigDecimal.ONE, new BigDecimal("7.25"));
    }
    try (DuckDbStorage s = DuckDbStorage.builder().path(dir.resolve("t.duckdb")).build()) {
      assertThat(s.budgetLedger().consumption(k).consumed()).isEqualByComparingTo("7.25");
      assertThat(s.budgetLedger().tryReserve(k, new BigDecimal("7.25"), BigDecimal.ONE)).isFalse();
    }
  }

  @Test
  void keyRoutingOutlivesARestart(@TempDir Path dir) {
    try (DuckDbStorage s = DuckDbStorage.builder().path(dir.resolve("k.duckdb")).build()) {
      s.keyRouting().put("tok_r", new io.tokenmaxx.metering.KeyRouting("weighted", java.util.List.of("a", "b")));
    }
    try (DuckDbStorage s = DuckDbStorage.builder().path(dir.resolve("k.duckdb")).build()) {
      assertThat(s.keyRouting().find("tok_r")).contains(new io.tokenmaxx.metering.KeyRouting("weighted", java.util.List.of("a", "b")));
    }
  }
}
