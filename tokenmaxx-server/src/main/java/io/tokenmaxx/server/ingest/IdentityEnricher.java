package io.tokenmaxx.server.ingest;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.pipeline.Enricher;
import io.tokenmaxx.pipeline.RecordBatch;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        .build(new CacheLoader<RawIdentity, Optional<String>>() {
          @Override
          public Optional<String> load(RawIdentity id) {
            return directory.resolve(id);
          }

          @Override
          public Map<RawIdentity, Optional<String>> loadAll(Set<? extends RawIdentity> ids) {
            Map<RawIdentity, String> found = directory.resolveAll(List.copyOf(ids));
            Map<RawIdentity, Optional<String>> out = new HashMap<>(ids.size() * 2);
            for (RawIdentity id : ids) out.put(id, Optional.ofNullable(found.get(id)));
            return out;
          }
        });
  }

  /**
   * Resolves the batch's identities that are not cached in one directory query, rather than one
   * query per identity as records meet them (an organization's people all reappear each minute).
   */
  @Override
  public void prepare(RecordBatch batch) {
    Set<RawIdentity> wanted = new HashSet<>();
    for (UsageRecord r : batch.usage()) want(wanted, r.person(), r.identity());
    for (OutcomeRecord r : batch.outcomes()) want(wanted, r.person(), r.identity());
    wanted.removeIf(id -> cache.getIfPresent(id) != null);
    if (wanted.size() > 1) cache.getAll(wanted);
  }

  private static void want(Set<RawIdentity> wanted, String person, RawIdentity id) {
    if (person == null && id != null && id.kind() != RawIdentity.Kind.PERSON_ID) wanted.add(id);
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
