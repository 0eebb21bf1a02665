package io.tokenmaxx.server.web;

import io.tokenmaxx.account.AccountStore;
import io.tokenmaxx.account.SessionStore;
import io.tokenmaxx.analyze.AuditEntry;
import io.tokenmaxx.analyze.AuditLog;
import io.tokenmaxx.analyze.store.AnalyticsStore;
import io.tokenmaxx.analyze.store.ReferenceAnalyticsStore;
import io.tokenmaxx.component.CheckResult;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.TokenStore;
import io.tokenmaxx.storage.OutcomeConsumer;
import io.tokenmaxx.storage.StorageComponent;
import io.tokenmaxx.storage.UsageConsumer;
import io.tokenmaxx.storage.UsageQuery;
import io.tokenmaxx.storage.UsageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A real store whose analytics queries are answered by the project's pure-Java reference analytics
 * over a snapshot of its records (taken by {@link #snapshot()} once the test data is loaded), and
 * whose audit log is kept in memory. Used by the dashboard tests while the backends' SQL analytics
 * and audit log are not available; everything else is the real backend.
 */
final class ReferenceAnalyticsStorage implements StorageComponent {
  private final StorageComponent delegate;
  private volatile AnalyticsStore analytics;
  private final List<AuditEntry> audit = new ArrayList<>();
  private final AuditLog log = new AuditLog() {
    @Override
    public void append(AuditEntry e) {
      synchronized (audit) {
        audit.add(e);
      }
    }

    @Override
    public List<AuditEntry> entries(Instant from, Instant to, String person, String viewer, int limit) {
      synchronized (audit) {
        return audit.stream()
            .filter(e -> from == null || !e.at().isBefore(from))
            .filter(e -> to == null || e.at().isBefore(to))
            .filter(e -> person == null || person.equals(e.person()))
            .filter(e -> viewer == null || viewer.equals(e.viewer()))
            .sorted(Comparator.comparing(AuditEntry::at).reversed()).limit(limit).toList();
      }
    }
  };

  ReferenceAnalyticsStorage(StorageComponent delegate) {
    this.delegate = delegate;
  }

  /** Takes the records and directory as they are now. */
  void snapshot() {
    UsageStore s = delegate.usageStore();
    analytics = new ReferenceAnalyticsStore(s.records(UsageQuery.all(), Integer.MAX_VALUE),
        s.outcomes(UsageQuery.all(), Integer.MAX_VALUE), delegate.directory().people());
  }

  List<AuditEntry> auditEntries() {
    synchronized (audit) {
      return List.copyOf(audit);
    }
  }

  @Override public AnalyticsStore analytics() {
    if (analytics == null) snapshot();
    return analytics;
  }

  @Override public AuditLog auditLog() { return log; }
  @Override public UsageConsumer usageConsumer() { return delegate.usageConsumer(); }
  @Override public OutcomeConsumer outcomeConsumer() { return delegate.outcomeConsumer(); }
  @Override public UsageStore usageStore() { return delegate.usageStore(); }
  @Override public Directory directory() { return delegate.directory(); }
  @Override public TokenStore tokens() { return delegate.tokens(); }
  @Override public AccountStore accounts() { return delegate.accounts(); }
  @Override public SessionStore sessions() { return delegate.sessions(); }
  @Override public io.tokenmaxx.storage.UsageRetractions retractions() { return delegate.retractions(); }
  @Override public io.tokenmaxx.storage.StateStore state() { return delegate.state(); }
  @Override public CheckResult check() { return delegate.check(); }
  @Override public void close() { delegate.close(); }
}
