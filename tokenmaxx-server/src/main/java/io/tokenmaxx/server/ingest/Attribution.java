package io.tokenmaxx.server.ingest;

import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.pipeline.RecordBatch;
import io.tokenmaxx.server.auth.Principal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a token is allowed to say about who did something. A person's token attributes everything
 * it sends to that person (it cannot post usage as someone else); records without an identity
 * sent with a team or admin token stay as sent and are resolved from the identities they carry.
 */
public final class Attribution {
  private Attribution() {}

  public static RecordBatch apply(Principal p, RecordBatch batch) {
    if (p.personId() == null) return batch;
    RawIdentity self = new RawIdentity(RawIdentity.Kind.PERSON_ID, p.personId());
    List<UsageRecord> usage = new ArrayList<>(batch.usage().size());
    for (UsageRecord r : batch.usage()) {
      usage.add(r.toBuilder().person(p.personId())
          .identity(r.identity() == null ? self : r.identity()).build());
    }
    List<OutcomeRecord> outcomes = new ArrayList<>(batch.outcomes().size());
    for (OutcomeRecord o : batch.outcomes()) {
      outcomes.add(new OutcomeRecord(o.id(), o.timestamp(), o.source(), o.tool(), o.kind(),
          o.value(), p.personId(), o.identity() == null ? self : o.identity(), o.sessionId(),
          o.project(), o.detail()));
    }
    return new RecordBatch(usage, outcomes);
  }
}
