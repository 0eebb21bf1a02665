package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.checkin.CheckinStore;
import io.tokenmaxx.guard.FeatureSource;
import io.tokenmaxx.guard.FlagStore;

/** The check-in, flag and guard-feature parts of a backend, built together from its connections. */
public final class CheckinTables {
  private final JdbcCheckinStore checkins;
  private final JdbcFlagStore flags;
  private final JdbcGuardFeatures features;

  public CheckinTables(Transactions tx, Dialect dialect, ConnectionSource reads, String description) {
    this.checkins = new JdbcCheckinStore(tx, dialect);
    this.flags = new JdbcFlagStore(tx, dialect);
    this.features = new JdbcGuardFeatures(reads, dialect, description);
  }

  public CheckinStore checkins() {
    return checkins;
  }

  public FlagStore flags() {
    return flags;
  }

  public FeatureSource features() {
    return features;
  }
}
