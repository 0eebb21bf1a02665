package io.tokenmaxx.analyze;

import java.time.Instant;
import java.util.List;

/**
 * The trail of who viewed or exported person-level data. The analytics API appends an entry
 * whenever it returns or exports data about identifiable people; admins read it back.
 */
public interface AuditLog {

  /** Records an access; durable on return. */
  void append(AuditEntry entry);

  /**
   * Entries, newest first, optionally narrowed to a time range (from inclusive, to exclusive; null
   * bounds are open) and to one person or one viewer (null: any).
   */
  List<AuditEntry> entries(Instant from, Instant to, String person, String viewer, int limit);

  /** Keeps nothing (tests, one-shot reports). */
  AuditLog NONE = new AuditLog() {
    @Override
    public void append(AuditEntry entry) {}

    @Override
    public List<AuditEntry> entries(Instant from, Instant to, String person, String viewer, int limit) {
      return List.of();
    }
  };
}
