package io.tokenmaxx.storage.duckdb;

import io.tokenmaxx.storage.StorageComponent;
import io.tokenmaxx.storage.kit.ITCheckins;
import io.tokenmaxx.storage.kit.ITFlags;
import io.tokenmaxx.storage.kit.ITGuardFeatures;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInfo;

/** Check-ins, flags and guard features against an in-memory DuckDB. */
class DuckDbCheckinsTest {

  @Nested
  class Checkins extends ITCheckins {
    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return DuckDbStorage.builder().inMemory().build();
    }
  }

  @Nested
  class Flags extends ITFlags {
    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return DuckDbStorage.builder().inMemory().build();
    }
  }

  @Nested
  class GuardFeatures extends ITGuardFeatures {
    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return DuckDbStorage.builder().inMemory().build();
    }
  }
}
