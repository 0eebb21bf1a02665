package io.tokenmaxx.server.checkin;

import io.tokenmaxx.analyze.Analytics;
import io.tokenmaxx.analyze.AnalyticsFilter;
import io.tokenmaxx.analyze.LeaderboardMeasure;
import io.tokenmaxx.analyze.LeaderboardMode;
import io.tokenmaxx.analyze.Viewer;
import io.tokenmaxx.analyze.page.Leaderboard;
import io.tokenmaxx.analyze.page.LeaderboardRow;
import io.tokenmaxx.checkin.Digest;
import io.tokenmaxx.server.web.pages.LeaderboardPage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The week's leaderboard for the digest: ranked by active days (the leaderboard's default measure)
 * under the organization's rule, exactly as the leaderboard page shows it by default, by pseudonym
 * (the digest goes to the whole organization), top {@value #TOP}.
 */
final class WeeklySnapshot {
  static final int TOP = 5;

  private final Analytics analytics;
  private final ZoneId zone;
  private final int minGroupSize;

  WeeklySnapshot(Analytics analytics, ZoneId zone, int minGroupSize) {
    this.analytics = analytics;
    this.zone = zone;
    this.minGroupSize = minGroupSize;
  }

  Digest.Snapshot of(LocalDate week) {
    AnalyticsFilter filter = AnalyticsFilter.builder().from(week).to(week.plusDays(6)).zone(zone).build();
    Viewer viewer = Viewer.admin("weekly-digest", null, minGroupSize);
    Leaderboard b = analytics.leaderboard(viewer, filter, LeaderboardMeasure.ACTIVE_DAYS, LeaderboardMode.PSEUDONYMOUS, null);
    // No flag mark beside a pseudonym: per-person context is shown only beside names (a mark would be
    // a key to the named Flags page; tokenmaxx-core/RATIONALE.md, "Privacy model"). The count of
    // flagged people is an organization total, taken from the same ranking by name.
    List<Digest.Entry> top = new ArrayList<>();
    for (LeaderboardRow r : b.rows()) {
      if (top.size() == TOP) break;
      top.add(new Digest.Entry(r.rank(), r.pseudonym(), LeaderboardPage.format(LeaderboardMeasure.ACTIVE_DAYS, r.value()),
          r.activeDays(), false));
    }
    Leaderboard named = analytics.leaderboard(viewer, filter, LeaderboardMeasure.ACTIVE_DAYS, LeaderboardMode.NAMED, null);
    int flagged = (int) named.rows().stream().filter(LeaderboardPage::flagged).count();
    String rule = b.adjustments().isEmpty() ? "plain ranking"
        : String.join(", ", b.adjustments().stream().map(LeaderboardRule::describe).toList());
    return b.suppressed() ? new Digest.Snapshot("active days", rule, b.people(), 0, List.of())
        : new Digest.Snapshot("active days", rule, b.people(), flagged, top);
  }
}
