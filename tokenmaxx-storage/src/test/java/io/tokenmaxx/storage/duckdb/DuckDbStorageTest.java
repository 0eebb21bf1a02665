package io.tokenmaxx.storage.duckdb;

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
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** The whole conformance kit against DuckDB: in memory, and on a file where a file matters. */
class DuckDbStorageTest {

  static StorageComponent inMemory() {
    return DuckDbStorage.builder().inMemory().threads(2).build();
  }

  @Nested
  class EmptyStore extends ITEmptyStore {
    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return inMemory();
    }
  }

  @Nested
  class Demand extends ITDemand {
    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return inMemory();
    }
  }

  @Nested
  class Ingest extends ITIngest {
    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return inMemory();
    }
  }

  @Nested
  class RoundTrip extends ITRoundTrip {
    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return inMemory();
    }
  }

  @Nested
  class Aggregate extends ITAggregate {
    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return inMemory();
    }
  }

  @Nested
  class LargeBatch extends ITLargeBatch {
    @TempDir Path dir;

    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return DuckDbStorage.builder().path(dir.resolve("large.db")).threads(2).build();
    }
  }

  @Nested
  class Concurrency extends ITConcurrency {
    @TempDir Path dir;

    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return DuckDbStorage.builder().path(dir.resolve("concurrent.db")).threads(2).build();
    }
  }

  @Nested
  class Restart extends ITRestart {
    @TempDir Path dir;

    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return DuckDbStorage.builder().path(dir.resolve("restart.db")).build();
    }

    @Override
    protected StorageComponent reopen(StorageComponent closed) {
      return DuckDbStorage.builder().path(((DuckDbStorage) closed).path()).build();
    }
  }

  @Nested
  class BadInput extends ITBadInput {
    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return inMemory();
    }
  }

  @Nested
  class DirectoryAndAliases extends ITDirectory {
    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return inMemory();
    }
  }

  @Nested
  class Tokens extends ITTokens {
    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return inMemory();
    }
  }

  @Nested
  class Accounts extends ITAccounts {
    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return inMemory();
    }
  }

  @Nested
  class RetractionsAndState extends ITRetractionsAndState {
    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return inMemory();
    }
  }

  @Nested
  class Analytics extends ITAnalytics {
    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return inMemory();
    }
  }

  @Nested
  class Imports extends io.tokenmaxx.storage.kit.ITImports {
    @Override
    protected StorageComponent newStorage(TestInfo test) {
      return inMemory();
    }
  }
}
