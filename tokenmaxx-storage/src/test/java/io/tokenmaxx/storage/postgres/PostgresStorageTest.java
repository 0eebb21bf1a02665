package io.tokenmaxx.storage.postgres;

import io.tokenmaxx.storage.StorageComponent;
import io.tokenmaxx.storage.kit.ITAggregate;
import io.tokenmaxx.storage.kit.ITAnalytics;
import io.tokenmaxx.storage.kit.ITRetractionsAndState;
import io.tokenmaxx.storage.kit.ITBadInput;
import io.tokenmaxx.storage.kit.ITConcurrency;
import io.tokenmaxx.storage.kit.ITDemand;
import io.tokenmaxx.storage.kit.ITDirectory;
import io.tokenmaxx.storage.kit.ITEmptyStore;
import io.tokenmaxx.storage.kit.ITIngest;
import io.tokenmaxx.storage.kit.ITLargeBatch;
import io.tokenmaxx.storage.kit.ITRestart;
import io.tokenmaxx.storage.kit.ITRoundTrip;
import io.tokenmaxx.storage.kit.ITAccounts;
import io.tokenmaxx.storage.kit.ITTokens;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInfo;

/** The whole conformance kit against PostgreSQL, each test in a schema of its own, dropped after. */
class PostgresStorageTest {

  @Nested
  class EmptyStore extends ITEmptyStore {
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
  class Demand extends ITDemand {
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
  class Ingest extends ITIngest {
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
  class RoundTrip extends ITRoundTrip {
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
  class Aggregate extends ITAggregate {
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
  class LargeBatch extends ITLargeBatch {
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
  class Concurrency extends ITConcurrency {
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
  class Restart extends ITRestart {
    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return TestPostgres.newStorage();
    }

    @Override
    protected StorageComponent reopen(StorageComponent closed) {
      return TestPostgres.reopen((PostgresStorage) closed);
    }

    @Override
    protected void cleanUp(StorageComponent closed) {
      TestPostgres.drop((PostgresStorage) closed);
    }
  }

  @Nested
  class BadInput extends ITBadInput {
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
  class DirectoryAndAliases extends ITDirectory {
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
  class Tokens extends ITTokens {
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
  class Accounts extends ITAccounts {
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
  class RetractionsAndState extends ITRetractionsAndState {
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
  class Analytics extends ITAnalytics {
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
  class Imports extends io.tokenmaxx.storage.kit.ITImports {
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
