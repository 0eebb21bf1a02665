package io.tokenmaxx.guard;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the guard measures about one person in one week (weeks start on Monday in the
 * organization's time zone). Computed by the store in SQL ({@link FeatureSource}) and, for tests
 * and evaluation, by the pure-Java {@link FeatureExtractor}; the two must agree.
 *
 * <p>Counts over usage use records (one record is normally one request); volumes use tokens.
 *
 * @param person            person id
 * @param week              Monday of the week, in the organization's zone
 * @param records           usage records
 * @param requests          sum of the records' request counts
 * @param totalTokens       all token fields summed
 * @param generatedTokens   output plus reasoning tokens
 * @param cacheReadTokens   tokens read from the prompt cache
 * @param tinyOutputRecords records whose generated tokens are at most {@link GuardConfig#tinyOutputTokens()}
 * @param activeHours       distinct clock hours (local date + hour) with any record
 * @param maxHoursInADay    the most distinct clock hours with a record on one local day
 * @param nightRecords      records whose local hour falls in the night window of the config
 * @param gapCount          gaps between a record and the person's previous one, at most
 *                          {@link GuardConfig#maxGapSeconds()} long (longer ones are breaks)
 * @param gapSum            sum of those gaps, seconds
 * @param gapSumSquares     sum of their squares
 * @param hashedRecords     records that carry a prompt hash
 * @param distinctHashes    distinct prompt hashes
 * @param repeatedRecords   hashed records whose hash occurs at least
 *                          {@link GuardConfig#repeatMinCount()} times this week
 * @param hashEntropyBits   Shannon entropy of the prompt-hash distribution, bits
 * @param dayTokens         tokens per local day, Monday first (7 values)
 * @param preSnapshotTokens tokens in the window before the week's leaderboard snapshot
 * @param commits           commits attributed to the person this week
 * @param pullRequests      pull requests
 * @param linesAdded        lines added
 * @param editsAccepted     agent edits accepted
 * @param activeSecondsUser attended time the source reported (Claude Code active_time user)
 * @param activeSecondsCli  time the agent worked on its own (active_time cli)
 * @param substance         what the leaderboard measures are made of (hollow days, thin tools,
 *                          repeated prompt shapes, regular intervals at any pace)
 */
public record WeekFeatures(
    String person,
    LocalDate week,
    long records,
    long requests,
    long totalTokens,
    long generatedTokens,
    long cacheReadTokens,
    long tinyOutputRecords,
    int activeHours,
    int maxHoursInADay,
    long nightRecords,
    long gapCount,
    double gapSum,
    double gapSumSquares,
    long hashedRecords,
    long distinctHashes,
    long repeatedRecords,
    double hashEntropyBits,
    long[] dayTokens,
    long preSnapshotTokens,
    double commits,
    double pullRequests,
    double linesAdded,
    double editsAccepted,
    double activeSecondsUser,
    double activeSecondsCli,
    Substance substance) {

  public WeekFeatures {
    substance = substance == null ? Substance.NONE : substance;
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(week, "week");
    dayTokens = dayTokens == null ? new long[7] : dayTokens.clone();
    if (dayTokens.length != 7) throw new IllegalArgumentException("dayTokens must have 7 values");
  }

  /** Features without the substance measurements (tests of the older signals). */
  public WeekFeatures(String person, LocalDate week, long records, long requests, long totalTokens,
      long generatedTokens, long cacheReadTokens, long tinyOutputRecords, int activeHours, int maxHoursInADay,
      long nightRecords, long gapCount, double gapSum, double gapSumSquares, long hashedRecords,
      long distinctHashes, long repeatedRecords, double hashEntropyBits, long[] dayTokens, long preSnapshotTokens,
      double commits, double pullRequests, double linesAdded, double editsAccepted, double activeSecondsUser,
      double activeSecondsCli) {
    this(person, week, records, requests, totalTokens, generatedTokens, cacheReadTokens, tinyOutputRecords,
        activeHours, maxHoursInADay, nightRecords, gapCount, gapSum, gapSumSquares, hashedRecords, distinctHashes,
        repeatedRecords, hashEntropyBits, dayTokens, preSnapshotTokens, commits, pullRequests, linesAdded,
        editsAccepted, activeSecondsUser, activeSecondsCli, null);
  }

  @Override
  public long[] dayTokens() {
    return dayTokens.clone();
  }

  /** Tokens on one day, 0 = Monday. */
  public long dayTokens(int dayIndex) {
    return dayTokens[dayIndex];
  }

  /** Coefficient of variation of the gaps between requests (stddev / mean); NaN without gaps. */
  public double gapCv() {
    if (gapCount < 2 || gapSum <= 0) return Double.NaN;
    double mean = gapSum / gapCount;
    double variance = Math.max(0, gapSumSquares / gapCount - mean * mean);
    return Math.sqrt(variance) / mean;
  }

  public double meanGapSeconds() {
    return gapCount == 0 ? Double.NaN : gapSum / gapCount;
  }

  public double tinyOutputShare() {
    return records == 0 ? 0 : (double) tinyOutputRecords / records;
  }

  /** Cache-read tokens per generated token; large when a loop re-reads a big context for a few tokens. */
  public double cacheReadPerGenerated() {
    return (double) cacheReadTokens / Math.max(1, generatedTokens);
  }

  public double repeatedShare() {
    return hashedRecords == 0 ? 0 : (double) repeatedRecords / hashedRecords;
  }

  /** Entropy relative to its maximum for this many records (1 = every prompt different). */
  public double normalizedHashEntropy() {
    if (hashedRecords < 2) return 1;
    return hashEntropyBits / (Math.log(hashedRecords) / Math.log(2));
  }

  public double nightShare() {
    return records == 0 ? 0 : (double) nightRecords / records;
  }

  /** Share of the week's 168 hours with any activity. */
  public double activeHourShare() {
    return activeHours / 168.0;
  }

  /** Share of agent time that was unattended, where the source reports both; NaN otherwise. */
  public double headlessShare() {
    double all = activeSecondsUser + activeSecondsCli;
    return all <= 0 ? Double.NaN : activeSecondsCli / all;
  }

  /** Delivered outcomes: commits plus pull requests counted twice. */
  public double outcomeUnits() {
    return commits + 2 * pullRequests;
  }

  public double preSnapshotShare() {
    return totalTokens == 0 ? 0 : (double) preSnapshotTokens / totalTokens;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeekFeatures w && person.equals(w.person) && week.equals(w.week)
        && records == w.records && requests == w.requests && totalTokens == w.totalTokens
        && generatedTokens == w.generatedTokens && cacheReadTokens == w.cacheReadTokens
        && tinyOutputRecords == w.tinyOutputRecords && activeHours == w.activeHours
        && maxHoursInADay == w.maxHoursInADay && nightRecords == w.nightRecords
        && gapCount == w.gapCount && Double.compare(gapSum, w.gapSum) == 0
        && Double.compare(gapSumSquares, w.gapSumSquares) == 0 && hashedRecords == w.hashedRecords
        && distinctHashes == w.distinctHashes && repeatedRecords == w.repeatedRecords
        && Double.compare(hashEntropyBits, w.hashEntropyBits) == 0
        && Arrays.equals(dayTokens, w.dayTokens) && preSnapshotTokens == w.preSnapshotTokens
        && Double.compare(commits, w.commits) == 0 && Double.compare(pullRequests, w.pullRequests) == 0
        && Double.compare(linesAdded, w.linesAdded) == 0 && Double.compare(editsAccepted, w.editsAccepted) == 0
        && Double.compare(activeSecondsUser, w.activeSecondsUser) == 0
        && Double.compare(activeSecondsCli, w.activeSecondsCli) == 0 && substance.equals(w.substance);
  }

  @Override
  public int hashCode() {
    return Objects.hash(person, week, records, totalTokens);
  }

  @Override
  public String toString() {
    return "WeekFeatures[" + person + " " + week + " records=" + records + " tokens=" + totalTokens
        + " gapCv=" + gapCv() + " activeHours=" + activeHours + "]";
  }
}
