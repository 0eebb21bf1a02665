package io.tokenmaxx.analyze.page;

import io.tokenmaxx.analyze.ContextColumn;
import java.util.List;

/**
 * A ranking of people by one measure, with context columns.
 *
 * @param period         the range
 * @param measure        what ranks ({@code tokens}, {@code spend}, {@code active-days}, {@code tools},
 *                       {@code outcomes-per-token})
 * @param mode           {@code named}, {@code pseudonymous} or {@code bands} (as applied)
 * @param suppressed     fewer than k people ranked (non-admins): no rows, no bands
 * @param people         people ranked
 * @param contextColumns the extra columns in {@code rows[].context}
 * @param rows           ranked rows (empty in bands mode)
 * @param bands          percentile bands (bands mode; also given in the other modes)
 * @param self           the viewer's own row, wherever it ranks (null when they have no usage)
 * @param adjustments    keys of the {@code LeaderboardAdjustment}s applied, in order (exclude flagged,
 *                       quality-adjusted, ...); empty for the plain ranking
 */
public record Leaderboard(
    Period period,
    String measure,
    String mode,
    boolean suppressed,
    int people,
    List<ContextColumn> contextColumns,
    List<LeaderboardRow> rows,
    List<Band> bands,
    LeaderboardRow self,
    List<String> adjustments) {

  public Leaderboard {
    adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
  }

  /** A plain ranking (no adjustments). */
  public Leaderboard(Period period, String measure, String mode, boolean suppressed, int people,
      List<ContextColumn> contextColumns, List<LeaderboardRow> rows, List<Band> bands, LeaderboardRow self) {
    this(period, measure, mode, suppressed, people, contextColumns, rows, bands, self, List.of());
  }

  /**
   * People whose value falls in a percentile band.
   *
   * @param label  e.g. "top 10 %"
   * @param fromPercentile lower edge (0..1)
   * @param toPercentile   upper edge (0..1)
   * @param people how many
   * @param min    smallest value in the band (null when the band has fewer than k people, non-admins)
   * @param max    largest value in the band
   */
  public record Band(String label, double fromPercentile, double toPercentile, int people,
      java.math.BigDecimal min, java.math.BigDecimal max) {}
}
