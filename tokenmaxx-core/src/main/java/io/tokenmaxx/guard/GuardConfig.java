package io.tokenmaxx.guard;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Every threshold of the Goodhart guard, with defaults argued in {@code tokenmaxx-core/RATIONALE.md}.
 * Settings are named by the keys of {@link #asMap()} ({@code cadence.max-cv}, ...); the server
 * reads them under {@code guard.}. {@link #with(Map)} validates and names the bad key.
 *
 * @param zone                  the organization's zone: weeks, days, hours and the snapshot
 * @param maxGapSeconds         gaps between requests longer than this are breaks, not cadence
 * @param tinyOutputTokens      a request generating at most this many tokens is "tiny"
 * @param repeatMinCount        a prompt hash seen this often in a week counts as repeated
 * @param nightStartHour        first hour of the night window (local; reported, not judged)
 * @param nightEndHour          first hour after the night window (local)
 * @param snapshotDay           the day the leaderboard is snapshotted (at its start)
 * @param snapshotWindowHours   how long before the snapshot counts as "just before"
 * @param minRecords            fewer records in a week are never flagged
 * @param cadenceMinGaps        gaps needed before cadence is judged
 * @param cadenceMaxCv          gap variation (stddev/mean) at or below which cadence is machine-like
 * @param clockMaxHoursInADay   this many distinct hours active in one day is round the clock
 * @param clockWeekShare        this share of the week's 168 hours active is round the clock
 * @param repetitionMinRecords  hashed records needed before repetition is judged
 * @param repetitionMinShare    share of hashed records that are repeats at or above which it is a replay
 * @param loopMinTinyShare      share of tiny-output requests at or above which output is negligible
 * @param loopMinCacheRatio     cache-read tokens per generated token at or above which a loop re-reads context
 * @param volumeMinFactor       tokens at this multiple of the organization's median substantial week make a week heavy
 * @param lowYieldFactor        a yield below this fraction of the organization's median is low
 * @param spikeMinRatio         pre-snapshot tokens over the person's usual volume for that span
 * @param spikeMinShare         pre-snapshot share of the week's tokens
 * @param baselineWeeks         weeks of the person's own history that form their baseline
 * @param headlessMinShare      unattended share of agent time
 * @param headlessMinHours      unattended agent hours in the week
 * @param flagScore             signal weights that add up to this or more raise a flag
 * @param regularMinGapSeconds  shorter gaps are a burst of one task, not a rhythm (regular intervals)
 * @param regularMaxGapSeconds  longer gaps are breaks (regular intervals)
 * @param regularMinGaps        spaced gaps needed before regular intervals are judged
 * @param regularMinShare       share of spaced gaps in two neighbouring bands at or above which the rhythm is a timer's
 * @param emptyMinRecords       records needed before near-empty requests and repeated shapes are judged
 * @param emptyMinShare         share of tiny-output records at or above which the week's requests are near-empty
 * @param hollowMinDays         active days made only of near-empty requests that farm the active-days measure
 * @param thinMinTools          tools used only with near-empty requests that farm the tools measure
 * @param shapeMinRecords       records in repeated prompt shapes at or above which prompts are replayed
 * @param burstMinRecords       records in the pre-snapshot window needed before a burst is judged
 * @param burstMinRatio         pre-snapshot records per active day over the person's usual records per active day
 * @param burstMinShare         share of the week's records (or session-days) in the pre-snapshot window
 * @param burstMinSessions      sessions in the pre-snapshot window needed before a burst of sessions is judged
 * @param paddingMinShare       share of the week's tokens in near-empty requests at or above which volume is padding
 */
public record GuardConfig(
    ZoneId zone,
    int maxGapSeconds,
    int tinyOutputTokens,
    int repeatMinCount,
    int nightStartHour,
    int nightEndHour,
    DayOfWeek snapshotDay,
    int snapshotWindowHours,
    int minRecords,
    int cadenceMinGaps,
    double cadenceMaxCv,
    int clockMaxHoursInADay,
    double clockWeekShare,
    int repetitionMinRecords,
    double repetitionMinShare,
    double loopMinTinyShare,
    double loopMinCacheRatio,
    double volumeMinFactor,
    double lowYieldFactor,
    double spikeMinRatio,
    double spikeMinShare,
    int baselineWeeks,
    double headlessMinShare,
    double headlessMinHours,
    double flagScore,
    int regularMinGapSeconds,
    int regularMaxGapSeconds,
    int regularMinGaps,
    double regularMinShare,
    int emptyMinRecords,
    double emptyMinShare,
    int hollowMinDays,
    int thinMinTools,
    int shapeMinRecords,
    int burstMinRecords,
    double burstMinRatio,
    double burstMinShare,
    int burstMinSessions,
    double paddingMinShare) {

  public GuardConfig {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(snapshotDay, "snapshotDay");
    check("max-gap-seconds", maxGapSeconds >= 1 && maxGapSeconds <= 86_400, "within 1..86400");
    check("tiny-output-tokens", tinyOutputTokens >= 0, ">= 0");
    check("repeat-min-count", repeatMinCount >= 2, ">= 2");
    check("night.start-hour", nightStartHour >= 0 && nightStartHour <= 23, "within 0..23");
    check("night.end-hour", nightEndHour >= 0 && nightEndHour <= 23, "within 0..23");
    check("snapshot.window-hours", snapshotWindowHours >= 1 && snapshotWindowHours <= 144, "within 1..144");
    check("min-records", minRecords >= 1, ">= 1");
    check("cadence.min-gaps", cadenceMinGaps >= 2, ">= 2");
    check("cadence.max-cv", cadenceMaxCv > 0 && cadenceMaxCv < 1, "within (0, 1)");
    check("clock.max-hours-in-a-day", clockMaxHoursInADay >= 1 && clockMaxHoursInADay <= 24, "within 1..24");
    check("clock.week-share", clockWeekShare > 0 && clockWeekShare <= 1, "within (0, 1]");
    check("repetition.min-records", repetitionMinRecords >= 1, ">= 1");
    check("repetition.min-share", repetitionMinShare > 0 && repetitionMinShare <= 1, "within (0, 1]");
    check("loop.min-tiny-share", loopMinTinyShare > 0 && loopMinTinyShare <= 1, "within (0, 1]");
    check("loop.min-cache-ratio", loopMinCacheRatio > 0, "> 0");
    check("volume.min-factor", volumeMinFactor > 0, "> 0");
    check("yield.low-factor", lowYieldFactor > 0 && lowYieldFactor < 1, "within (0, 1)");
    check("spike.min-ratio", spikeMinRatio > 1, "> 1");
    check("spike.min-share", spikeMinShare > 0 && spikeMinShare <= 1, "within (0, 1]");
    check("baseline-weeks", baselineWeeks >= 1 && baselineWeeks <= 52, "within 1..52");
    check("headless.min-share", headlessMinShare > 0 && headlessMinShare <= 1, "within (0, 1]");
    check("headless.min-hours", headlessMinHours > 0, "> 0");
    check("flag-score", flagScore > 0, "> 0");
    check("regular.min-gap-seconds", regularMinGapSeconds >= 1, ">= 1");
    check("regular.max-gap-seconds", regularMaxGapSeconds > regularMinGapSeconds && regularMaxGapSeconds <= 86_400,
        "above regular.min-gap-seconds and at most 86400");
    check("regular.min-gaps", regularMinGaps >= 2, ">= 2");
    check("regular.min-share", regularMinShare > 0 && regularMinShare <= 1, "within (0, 1]");
    check("empty.min-records", emptyMinRecords >= 1, ">= 1");
    check("empty.min-share", emptyMinShare > 0 && emptyMinShare <= 1, "within (0, 1]");
    check("hollow.min-days", hollowMinDays >= 1 && hollowMinDays <= 7, "within 1..7");
    check("thin.min-tools", thinMinTools >= 1, ">= 1");
    check("shape.min-records", shapeMinRecords >= 2, ">= 2");
    check("burst.min-records", burstMinRecords >= 1, ">= 1");
    check("burst.min-ratio", burstMinRatio > 1, "> 1");
    check("burst.min-share", burstMinShare > 0 && burstMinShare <= 1, "within (0, 1]");
    check("burst.min-sessions", burstMinSessions >= 1, ">= 1");
    check("padding.min-share", paddingMinShare > 0 && paddingMinShare <= 1, "within (0, 1]");
  }

  private static void check(String key, boolean ok, String rule) {
    if (!ok) throw new IllegalArgumentException("guard setting " + key + " must be " + rule);
  }

  public static GuardConfig defaults() {
    return new GuardConfig(ZoneOffset.UTC, 900, 50, 5, 22, 6, DayOfWeek.SATURDAY, 48,
        100, 100, 0.15, 20, 0.5, 200, 0.5, 0.5, 100, 2.0, 0.1, 5.0, 0.5, 4, 0.9, 20, 1.0,
        60, 14_400, 12, 0.5, 10, 0.6, 2, 2, 10, 20, 4.0, 0.5, 10, 0.35);
  }

  public GuardConfig withZone(ZoneId z) {
    return with(Map.of("zone", z.getId()));
  }

  /** True when the local hour falls in the night window (which may wrap past midnight). */
  public boolean isNight(int hour) {
    return nightStartHour <= nightEndHour
        ? hour >= nightStartHour && hour < nightEndHour
        : hour >= nightStartHour || hour < nightEndHour;
  }

  private static final Map<String, Integer> INDEX = new LinkedHashMap<>();
  private static final String[] KEYS = {
      "zone", "max-gap-seconds", "tiny-output-tokens", "repeat-min-count", "night.start-hour",
      "night.end-hour", "snapshot.day", "snapshot.window-hours", "min-records", "cadence.min-gaps",
      "cadence.max-cv", "clock.max-hours-in-a-day", "clock.week-share", "repetition.min-records",
      "repetition.min-share", "loop.min-tiny-share", "loop.min-cache-ratio", "volume.min-factor",
      "yield.low-factor", "spike.min-ratio", "spike.min-share", "baseline-weeks",
      "headless.min-share", "headless.min-hours", "flag-score", "regular.min-gap-seconds",
      "regular.max-gap-seconds", "regular.min-gaps", "regular.min-share", "empty.min-records", "empty.min-share",
      "hollow.min-days", "thin.min-tools", "shape.min-records", "burst.min-records", "burst.min-ratio",
      "burst.min-share", "burst.min-sessions", "padding.min-share"};

  static {
    for (int i = 0; i < KEYS.length; i++) INDEX.put(KEYS[i], i);
  }

  /** Every setting by key, in declaration order, as text. */
  public Map<String, String> asMap() {
    Object[] v = values();
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < KEYS.length; i++) out.put(KEYS[i], text(v[i]));
    return out;
  }

  private static String text(Object o) {
    if (o instanceof ZoneId z) return z.getId();
    if (o instanceof DayOfWeek d) return d.name().toLowerCase(Locale.ROOT);
    return String.valueOf(o);
  }

  private Object[] values() {
    return new Object[] {zone, maxGapSeconds, tinyOutputTokens, repeatMinCount, nightStartHour,
        nightEndHour, snapshotDay, snapshotWindowHours, minRecords, cadenceMinGaps, cadenceMaxCv,
        clockMaxHoursInADay, clockWeekShare, repetitionMinRecords, repetitionMinShare,
        loopMinTinyShare, loopMinCacheRatio, volumeMinFactor, lowYieldFactor, spikeMinRatio,
        spikeMinShare, baselineWeeks, headlessMinShare, headlessMinHours, flagScore, regularMinGapSeconds,
        regularMaxGapSeconds, regularMinGaps, regularMinShare, emptyMinRecords, emptyMinShare, hollowMinDays,
        thinMinTools, shapeMinRecords, burstMinRecords, burstMinRatio, burstMinShare, burstMinSessions, paddingMinShare};
  }

  /** This config with some settings replaced; an unknown key or bad value names the key. */
  public GuardConfig with(Map<String, String> changes) {
    Object[] v = values();
    for (Map.Entry<String, String> e : changes.entrySet()) {
      Integer i = INDEX.get(e.getKey());
      if (i == null) {
        throw new IllegalArgumentException("unknown guard setting '" + e.getKey() + "'; known: " + INDEX.keySet());
      }
      String s = e.getValue() == null ? "" : e.getValue().trim();
      try {
        v[i] = switch (v[i]) {
          case ZoneId z -> ZoneId.of(s);
          case DayOfWeek d -> DayOfWeek.valueOf(s.toUpperCase(Locale.ROOT));
          case Integer n -> Integer.parseInt(s);
          default -> Double.parseDouble(s);
        };
      } catch (RuntimeException bad) {
        throw new IllegalArgumentException("guard setting " + e.getKey() + ": '" + s + "' is not a valid "
            + (v[i] instanceof ZoneId ? "time zone" : v[i] instanceof DayOfWeek ? "day of week"
            : v[i] instanceof Integer ? "whole number" : "number"));
      }
    }
    return new GuardConfig((ZoneId) v[0], (int) v[1], (int) v[2], (int) v[3], (int) v[4], (int) v[5],
        (DayOfWeek) v[6], (int) v[7], (int) v[8], (int) v[9], (double) v[10], (int) v[11],
        (double) v[12], (int) v[13], (double) v[14], (double) v[15], (double) v[16], (double) v[17],
        (double) v[18], (double) v[19], (double) v[20], (int) v[21], (double) v[22], (double) v[23],
        (double) v[24], (int) v[25], (int) v[26], (int) v[27], (double) v[28], (int) v[29], (double) v[30],
        (int) v[31], (int) v[32], (int) v[33], (int) v[34], (double) v[35], (double) v[36],
        (int) v[37], (double) v[38]);
  }
}
