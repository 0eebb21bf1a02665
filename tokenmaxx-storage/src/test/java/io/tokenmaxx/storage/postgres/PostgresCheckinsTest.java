package io.tokenmaxx.storage.postgres;

import io.tokenmaxx.storage.StorageComponent;
import io.tokenmaxx.storage.kit.ITCheckins;
import io.tokenmaxx.storage.kit.ITFlags;
import io.tokenmaxx.storage.kit.ITGuardFeatures;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInfo;

/** Check-ins, flags and guard features against PostgreSQL, each test in a schema of its own. */
class PostgresCheckinsTest {

  @Nested
  class Checkins extends ITCheckins {
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
  class Flags extends ITFlags {
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
  class GuardFeatures extends ITGuardFeatures {
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
