package io.tokenmaxx.server.web.auth;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.tokenmaxx.analyze.OrgChart;
import io.tokenmaxx.analyze.Viewer;
import io.tokenmaxx.identity.Directory;
import java.time.Duration;

/**
 * Turns a signed-in account into the {@link Viewer} that scopes what it sees: admins see everyone;
 * managers their reporting subtree (from the directory's manager links, read at most every 30 s);
 * members themselves. Non-admin accounts are always linked to a person.
 */
public final class Viewers {
  private final LoadingCache<String, OrgChart> chart;
  private final int minGroupSize;

  public Viewers(Directory directory, int minGroupSize) {
    this.minGroupSize = minGroupSize;
    this.chart = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(Duration.ofSeconds(30))
        .build(k -> OrgChart.of(directory.people()));
  }

  public Viewer of(SignedIn user) {
    String subject = user.account().email();
    String person = user.personId();
    return switch (user.role()) {
      case ADMIN -> Viewer.admin(subject, person, minGroupSize);
      case MANAGER -> Viewer.manager(subject, person, chart.get("org").subtree(person), minGroupSize);
      case MEMBER -> Viewer.member(subject, person, minGroupSize);
    };
  }

  /** Forgets the cached reporting lines (after the directory changed). */
  public void refresh() {
    chart.invalidateAll();
  }
}
