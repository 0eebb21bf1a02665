package io.tokenmaxx.guard;

import java.util.Arrays;

/**
 * What a person-week's leaderboard measures are made of: whether its requests, active days and
 * tools carry work or only count. Part of {@link WeekFeatures}; computed in SQL by the store and by
 * {@link FeatureExtractor}, which must agree.
 *
 * @param dayRecords         records per local day, Monday first (7 values)
 * @param hollowDays         active days on which every record generated at most
 *                           {@link GuardConfig#tinyOutputTokens()} tokens
 * @param preSnapshotRecords records in the window before the week's leaderboard snapshot
 * @param tools              distinct tools used
 * @param thinTools          tools whose every record this week generated at most the tiny-output tokens
 * @param shapedRecords      records with any input (input or cache-read tokens above 0)
 * @param repeatedShapes     shaped records whose shape (input tokens, cache-read tokens) occurs at
 *                           least {@link GuardConfig#repeatMinCount()} times this week
 * @param spacedGaps         gaps to the person's previous record from the same tool, between
 *                           {@link GuardConfig#regularMinGapSeconds()} and {@link GuardConfig#regularMaxGapSeconds()}
 * @param regularGaps        of those, the most that fall into two neighbouring interval bands
 *                           (band {@code b} holds gaps from 1.25^b up to 1.25^(b+1) seconds)
 * @param regularBand        the lower of those two bands; -1 without spaced gaps
 * @param tinyTokens         tokens of the records that generated at most the tiny-output tokens
 * @param daySessions        distinct sessions per local day, Monday first (records without a session not counted)
 * @param preSnapshotSessions distinct sessions with a record in the window before the snapshot
 */
public record Substance(long[] dayRecords, int hollowDays, long preSnapshotRecords, int tools, int thinTools,
    long shapedRecords, long repeatedShapes, long spacedGaps, long regularGaps, int regularBand, long tinyTokens,
    long[] daySessions, long preSnapshotSessions) {

  /** Width of an interval band: gaps within a factor of 1.25 share a band. */
  public static final double BAND_BASE = 1.25;

  public static final Substance NONE = new Substance(new long[7], 0, 0, 0, 0, 0, 0, 0, 0, -1, 0, new long[7], 0);

  public Substance {
    dayRecords = dayRecords == null ? new long[7] : dayRecords.clone();
    if (dayRecords.length != 7) throw new IllegalArgumentException("dayRecords must have 7 values");
    daySessions = daySessions == null ? new long[7] : daySessions.clone();
    if (daySessions.length != 7) throw new IllegalArgumentException("daySessions must have 7 values");
  }

  @Override
  public long[] daySessions() {
    return daySessions.clone();
  }

  public long daySessions(int dayIndex) {
    return daySessions[dayIndex];
  }

  /** Sessions counted once per day they were active in. */
  public long sessionDays() {
    long n = 0;
    for (long s : daySessions) n += s;
    return n;
  }

  @Override
  public long[] dayRecords() {
    return dayRecords.clone();
  }

  public long dayRecords(int dayIndex) {
    return dayRecords[dayIndex];
  }

  /** Days with any record. */
  public int activeDays() {
    int n = 0;
    for (long r : dayRecords) if (r > 0) n++;
    return n;
  }

  /** The band a gap of this many seconds falls in (gaps must be positive). */
  public static int band(double gapSeconds) {
    return (int) Math.floor(Math.log(gapSeconds) / Math.log(BAND_BASE));
  }

  /** Lower bound of a band, seconds. */
  public static double bandStart(int band) {
    return Math.pow(BAND_BASE, band);
  }

  public double regularShare() {
    return spacedGaps == 0 ? 0 : (double) regularGaps / spacedGaps;
  }

  public double repeatedShapeShare() {
    return shapedRecords == 0 ? 0 : (double) repeatedShapes / shapedRecords;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Substance s && Arrays.equals(dayRecords, s.dayRecords) && hollowDays == s.hollowDays
        && preSnapshotRecords == s.preSnapshotRecords && tools == s.tools && thinTools == s.thinTools
        && shapedRecords == s.shapedRecords && repeatedShapes == s.repeatedShapes && spacedGaps == s.spacedGaps
        && regularGaps == s.regularGaps && regularBand == s.regularBand && tinyTokens == s.tinyTokens
        && Arrays.equals(daySessions, s.daySessions) && preSnapshotSessions == s.preSnapshotSessions;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dayRecords) * 31 + Long.hashCode(regularGaps);
  }

  @Override
  public String toString() {
    return "Substance[days=" + Arrays.toString(dayRecords) + " hollow=" + hollowDays + " pre=" + preSnapshotRecords
        + " tools=" + tools + "/" + thinTools + " thin, shapes=" + repeatedShapes + "/" + shapedRecords
        + " regular=" + regularGaps + "/" + spacedGaps + " band " + regularBand + " tinyTokens=" + tinyTokens
        + " sessions=" + Arrays.toString(daySessions) + " preSessions=" + preSnapshotSessions + "]";
  }
}
