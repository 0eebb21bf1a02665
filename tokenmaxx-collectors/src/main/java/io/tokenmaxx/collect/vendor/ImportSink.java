package io.tokenmaxx.collect.vendor;

import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Where imported records go: in the server, the ingest pipeline (identity, price, store). Must be
 * safe to call from several sources' threads at once; durable on return of each method.
 */
public interface ImportSink {

  /** Stores records; idempotent on record id (a re-pulled or revised record replaces the stored one). */
  void accept(List<UsageRecord> usage, List<OutcomeRecord> outcomes);

  /**
   * One stream's day has been read in full: its records are exactly {@code ids}. Records of that
   * stream and day stored by an earlier pull and not among them (a bucket the vendor has since
   * dropped) must be deleted; their ids start with {@code import:<stream>:<day>:}.
   */
  void dayComplete(String stream, LocalDate day, Set<String> ids);

  /** Identities the vendor links (users with their e-mails, keys with their owners). */
  void identities(List<IdentityLink> links);
}
