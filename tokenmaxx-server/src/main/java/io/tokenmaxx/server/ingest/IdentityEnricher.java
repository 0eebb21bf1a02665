package io.tokenmaxx.server.ingest;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.pipeline.Enricher;
import java.time.Duration;
import java.util.Optional;

/**
 * Attributes records to people at ingest: a record that arrives with an identity and no person gets
 * the person the directory knows for that identity. Records whose identity is not known yet stay
 * unattributed and are re-attributed in place when the alias is added
 * ({@link Directory#addAliases}). Lookups are cached; {@link #forget()} is called when this server
 * changes aliases, and entries expire after a minute for changes made elsewhere.
 */
public final class IdentityEnricher implements Enricher {
  private final LoadingCache<RawIdentity, Optional<String>> cache;

  public IdentityEnricher(Directory directory) {
    this.cache = Caffeine.newBuilder().maximumSize(200_000)
        .expireAfterWrite(Duration.ofMinutes(1))
        .build(directory::resolve);
  }

  @Override
  public UsageRecord enrich(UsageRecord r) {
    if (r.person() != null || r.identity() == null) return r;
    String person = resolve(r.identity());
    return person == null ? r : r.toBuilder().person(person).build();
  }

  @Override
  public OutcomeRecord enrich(OutcomeRecord r) {
    if (r.person() != null || r.identity() == null) return r;
    String person = resolve(r.identity());
    return person == null ? r : r.withPerson(person);
  }

  private String resolve(RawIdentity id) {
    if (id.kind() == RawIdentity.Kind.PERSON_ID) return id.value();
    return cache.get(id).orElse(null);
  }

  public void forget() {
    cache.invalidateAll();
  }
}
