package io.tokenmaxx.storage.postgres;

import io.tokenmaxx.storage.StorageComponent;
import io.tokenmaxx.storage.kit.ITBudgetLedger;
import io.tokenmaxx.storage.kit.ITCascades;
import io.tokenmaxx.storage.kit.ITKeyRouting;
import io.tokenmaxx.storage.kit.ITRoutingLog;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInfo;

/** The gateway's budget ledger and cascade outcomes in PostgreSQL, each test in a schema of its own. */
class PostgresMeteringTest {

  @Nested
  class Ledger extends ITBudgetLedger {
    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return TestPostgres.newStorage();
    }

    @Override
    protected void cleanUp(StorageComponent closed) {
      TestPostgres.drop((PostgresStorage) closed);
    }
  }

  @Nested
  class Routing extends ITRoutingLog {
    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return TestPostgres.newStorage();
    }

    @Override
    protected void cleanUp(StorageComponent closed) {
      TestPostgres.drop((PostgresStorage) closed);
    }
  }

  @Nested
  class KeyRoutingTable extends ITKeyRouting {
    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return TestPostgres.newStorage();
    }

    @Override
    protected void cleanUp(StorageComponent closed) {
      TestPostgres.drop((PostgresStorage) closed);
    }
  }

  @Nested
  class Cascades extends ITCascades {
    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return TestPostgres.newStorage();
    }

    @Override
    protected void cleanUp(StorageComponent closed) {
      TestPostgres.drop((PostgresStorage) closed);
    }
  }
}
