package io.tokenmaxx.storage;

import io.tokenmaxx.checkin.CheckinStore;
import io.tokenmaxx.account.AccountStore;
import io.tokenmaxx.account.SessionStore;
import io.tokenmaxx.component.Component;
import io.tokenmaxx.guard.FeatureSource;
import io.tokenmaxx.guard.FlagStore;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.TokenStore;

/**
 * A storage backend: where records go in ({@link #usageConsumer()}, {@link #outcomeConsumer()})
 * and how they are read ({@link #usageStore()}). Backends are built with their own builders and do
 * no I/O until first used or {@link #check()}ed.
 */
public interface StorageComponent extends Component {

  UsageConsumer usageConsumer();

  OutcomeConsumer outcomeConsumer();

  UsageStore usageStore();

  /**
   * People, teams and aliases, kept beside the records so that adding an alias can re-attribute
   * them in place. Backends without one throw {@link UnsupportedOperationException}.
   */
  default Directory directory() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no directory");
  }

  /**
   * Aggregate queries for the dashboard and API pages, answered from rollups kept beside the
   * records. Backends without one throw {@link UnsupportedOperationException}.
   */
  default io.tokenmaxx.analyze.store.AnalyticsStore analytics() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has no analytics queries");
  }

  /** Who viewed or exported person-level data. Backends without one throw {@link UnsupportedOperationException}. */
  default io.tokenmaxx.analyze.AuditLog auditLog() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no audit log");
  }

  /** Ingest, read and admin tokens (hashes only). Backends without one throw {@link UnsupportedOperationException}. */
  default TokenStore tokens() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no tokens");
  }

  /** Weekly check-ins. Backends without them throw {@link UnsupportedOperationException}. */
  default CheckinStore checkins() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no check-ins");
  }

  /** Goodhart-guard flags and their reviews. Backends without them throw {@link UnsupportedOperationException}. */
  default FlagStore flags() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no flags");
  }

  /** Per person-week guard features computed over the stored records. */
  default FeatureSource guardFeatures() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " computes no guard features");
  }

  /** Dashboard accounts. Backends without them throw {@link UnsupportedOperationException}. */
  default AccountStore accounts() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no accounts");
  }

  /** Dashboard sign-in sessions. Backends without them throw {@link UnsupportedOperationException}. */
  default SessionStore sessions() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no sessions");
  }

  /** Where each vendor import source has got to. Backends without it throw {@link UnsupportedOperationException}. */
  default io.tokenmaxx.importer.ImportCursorStore importCursors() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no import cursors");
  }

  /** Vendors' raw daily aggregates and the sums precedence compares them with. Backends without it throw {@link UnsupportedOperationException}. */
  default io.tokenmaxx.importer.ImportAggregateStore importAggregates() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no import aggregates");
  }

  /** Deletes usage records a source took back. Backends without it throw {@link UnsupportedOperationException}. */
  default UsageRetractions retractions() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot retract records");
  }

  /** Usage per minute and request sizes for capacity planning. Backends without it throw {@link UnsupportedOperationException}. */
  default DemandStore demand() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has no demand queries");
  }

  /** Collector state kept across restarts. Backends without it throw {@link UnsupportedOperationException}. */
  default StateStore state() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no collector state");
  }

  /** The metering gateway's budget consumption. Backends without it throw {@link UnsupportedOperationException}. */
  default io.tokenmaxx.metering.BudgetLedger budgetLedger() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no budget ledger");
  }

  /** The metering gateway's cascade outcomes. Backends without them throw {@link UnsupportedOperationException}. */
  default io.tokenmaxx.metering.CascadeStore cascades() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no cascade outcomes");
  }

  /** The metering gateway's routing decisions. Backends without them throw {@link UnsupportedOperationException}. */
  default io.tokenmaxx.metering.RoutingLog routingLog() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no routing decisions");
  }

  /** Gateway keys' own routing (strategy, allowed models). Backends without it throw {@link UnsupportedOperationException}. */
  default io.tokenmaxx.metering.KeyRoutingStore keyRouting() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no per-key routing");
  }
}
