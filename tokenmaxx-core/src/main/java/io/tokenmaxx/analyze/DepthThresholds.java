package io.tokenmaxx.analyze;

/**
 * How deep a person's use is in a week, measured in <b>active days</b> (days of the week, in the
 * query's zone, with at least one usage record). Days rather than tokens, because token volume
 * rewards burning and differs by orders of magnitude between tools, while "used it on N days" is
 * comparable across tools and roles and is what habit formation looks like.
 *
 * <ul>
 *   <li>none: 0 active days
 *   <li>light: 1 .. {@code moderateFrom - 1}
 *   <li>moderate: {@code moderateFrom} .. {@code heavyFrom - 1}
 *   <li>heavy: {@code heavyFrom} or more
 * </ul>
 *
 * @param moderateFrom fewest active days in a week that count as moderate (default 2)
 * @param heavyFrom    fewest active days in a week that count as heavy (default 4)
 */
public record DepthThresholds(int moderateFrom, int heavyFrom) {

  public static final DepthThresholds DEFAULT = new DepthThresholds(2, 4);

  public DepthThresholds {
    if (moderateFrom < 2 || moderateFrom > 7) {
      throw new IllegalArgumentException("analytics.depth.moderate-from must be within 2..7 active days, was " + moderateFrom);
    }
    if (heavyFrom <= moderateFrom || heavyFrom > 7) {
      throw new IllegalArgumentException("analytics.depth.heavy-from must be within " + (moderateFrom + 1)
          + "..7 active days (above moderate-from), was " + heavyFrom);
    }
  }

  /** The cohort of a week with this many active days. */
  public Depth of(int activeDays) {
    if (activeDays <= 0) return Depth.NONE;
    if (activeDays < moderateFrom) return Depth.LIGHT;
    if (activeDays < heavyFrom) return Depth.MODERATE;
    return Depth.HEAVY;
  }

  /** A depth cohort. */
  public enum Depth { NONE, LIGHT, MODERATE, HEAVY }
}
