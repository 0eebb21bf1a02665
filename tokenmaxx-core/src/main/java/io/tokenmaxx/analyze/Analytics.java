package io.tokenmaxx.analyze;

import java.util.List;

import io.tokenmaxx.analyze.page.AdoptionPage;
import io.tokenmaxx.analyze.page.Leaderboard;
import io.tokenmaxx.analyze.page.OverviewPage;
import io.tokenmaxx.analyze.page.PersonPage;
import io.tokenmaxx.analyze.page.SpendPage;
import io.tokenmaxx.analyze.page.TeamPage;
import io.tokenmaxx.analyze.page.UnattributedPage;
import io.tokenmaxx.analyze.page.UsagePage;

/**
 * Every number the dashboard shows, one method per page. The same calls back the JSON API, the
 * CSV exports and the HTML pages, and each enforces the {@link Viewer}'s scope: person-level data
 * only for people the viewer may see, aggregates over fewer than k people suppressed for
 * non-admins. No method ever returns prompt or response text.
 *
 * <p>Filters are resolved first ({@link AnalyticsFilter#resolve}): a missing range is the 28 days
 * ending today, a missing zone is the organization's. Methods that return person-level data
 * append to the {@link AuditLog}.
 *
 * <p>Implemented by {@link AnalyticsService} over an {@link io.tokenmaxx.analyze.store.AnalyticsStore}
 * (SQL in a storage backend, or the pure-Java reference).
 */
public interface Analytics {

  /** Headcount, active people, adoption by department, tokens and spend with trends, new adopters. */
  OverviewPage overview(Viewer viewer, AnalyticsFilter filter);

  /** Breadth, depth cohorts, active trends, retention, time to first use, tool and model diversity. */
  AdoptionPage adoption(Viewer viewer, AnalyticsFilter filter);

  /**
   * People ranked by a measure, with context. The mode is narrowed to what the viewer may see:
   * named rows only for people they may see individually, pseudonyms for the rest.
   */
  Leaderboard leaderboard(Viewer viewer, AnalyticsFilter filter, LeaderboardMeasure measure, LeaderboardMode mode);

  /**
   * The same, with {@link LeaderboardAdjustment}s applied in order, by key; an unknown key is an
   * {@link IllegalArgumentException} naming the known ones. {@code null} asks for the
   * organization's default rule; {@code none} (or an empty list) for the plain ranking.
   */
  default Leaderboard leaderboard(Viewer viewer, AnalyticsFilter filter, LeaderboardMeasure measure,
      LeaderboardMode mode, List<String> adjustments) {
    if (adjustments != null && !adjustments.stream().allMatch("none"::equals)) throw new IllegalArgumentException("unknown leaderboard adjustment " + adjustments + "; none are available");
    return leaderboard(viewer, filter, measure, mode);
  }

  /** The adjustments {@link #leaderboard(Viewer, AnalyticsFilter, LeaderboardMeasure, LeaderboardMode, List)} knows. */
  default List<LeaderboardAdjustment> leaderboardAdjustments() {
    return List.of();
  }

  /**
   * One person's page.
   *
   * @throws NotVisibleException when the viewer may not see the person
   * @throws java.util.NoSuchElementException when there is no such person
   */
  PersonPage person(Viewer viewer, String personId, AnalyticsFilter filter);

  /**
   * One team's page.
   *
   * @throws java.util.NoSuchElementException when there is no such team
   */
  TeamPage team(Viewer viewer, String teamId, AnalyticsFilter filter);

  /** Spend by model, provider, tool and team; cache savings; share of loaded cost; forecast. */
  SpendPage spend(Viewer viewer, AnalyticsFilter filter);

  /** Tool and model mix, session shapes, token ratios, hour x weekday heatmap. */
  UsagePage usage(Viewer viewer, AnalyticsFilter filter);

  /**
   * Usage without a person and the identities behind it (largest first, at most {@code limit}).
   *
   * @throws NotVisibleException for viewers other than admins
   */
  UnattributedPage unattributed(Viewer viewer, AnalyticsFilter filter, int limit);
}
