package io.tokenmaxx.server.otlp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tokenmaxx.collect.otlp.ObservedIdentity;
import io.tokenmaxx.identity.Alias;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.server.ingest.IdentityEnricher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Learns aliases from identities that agents report together: when Claude Code sends
 * {@code user.email} with {@code user.account_uuid}, and the e-mail belongs to a known person, the
 * account uuid becomes that person's alias too — so usage reported only under the uuid (or a
 * hashed {@code user.id}) is attributed, including what arrived earlier (re-attribution). A group
 * whose identities point at two different people teaches nothing (it is logged, never guessed).
 */
public final class IdentityLearner {
  private static final System.Logger LOG = System.getLogger(IdentityLearner.class.getName());

  private final Directory directory;
  private final IdentityEnricher enricher;
  private final Cache<Set<RawIdentity>, Boolean> seen = Caffeine.newBuilder().maximumSize(100_000).build();

  public IdentityLearner(Directory directory, IdentityEnricher enricher) {
    this.directory = directory;
    this.enricher = enricher;
  }

  public void learn(List<ObservedIdentity> groups) {
    List<Alias> learned = new ArrayList<>();
    for (ObservedIdentity g : groups) {
      Set<RawIdentity> ids = new HashSet<>(g.identities());
      ids.removeIf(i -> i.kind() == RawIdentity.Kind.ORGANIZATION_ID); // shared by everyone
      if (ids.size() < 2 || seen.getIfPresent(ids) != null) continue;
      Map<RawIdentity, String> known = directory.resolveAll(ids);
      Set<String> people = new HashSet<>(known.values());
      if (people.size() > 1) {
        LOG.log(System.Logger.Level.WARNING, "identities reported together belong to different people, "
            + "not learning from them: " + known);
      } else if (people.size() == 1) {
        String person = people.iterator().next();
        for (RawIdentity i : ids) if (!known.containsKey(i)) learned.add(new Alias(i, person));
        seen.put(Set.copyOf(ids), Boolean.TRUE);
      }
      // nobody known yet: try again next time (the directory may learn the e-mail later)
    }
    if (!learned.isEmpty()) {
      directory.addAliases(learned);
      enricher.forget();
    }
  }
}
