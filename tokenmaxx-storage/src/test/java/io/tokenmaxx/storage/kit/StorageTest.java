package io.tokenmaxx.storage.kit;

import io.tokenmaxx.storage.StorageComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * Base of the conformance kit: every test gets a fresh, empty store from the backend and closes it
 * after. A backend runs the kit by subclassing each {@code IT*} class (usually as {@code @Nested}
 * classes of one test class) and implementing {@link #newStorage}.
 */
public abstract class StorageTest {
  protected StorageComponent storage;

  /** A new, empty store; no I/O needed yet (the kit checks it). */
  protected abstract StorageComponent newStorage(TestInfo test);

  /** Called after the store is closed: drop what {@link #newStorage} created (a schema, a file). */
  protected void cleanUp(StorageComponent closed) {}

  @BeforeEach
  void openStorage(TestInfo test) {
    storage = newStorage(test);
  }

  @AfterEach
  void closeStorage() {
    if (storage != null) {
      storage.close();
      cleanUp(storage);
    }
  }
}
