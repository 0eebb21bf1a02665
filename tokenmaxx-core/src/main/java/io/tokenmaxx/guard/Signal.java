package io.tokenmaxx.guard;

import java.util.Arrays;
import java.util.Locale;

/**
 * One way usage can look inflated for its own sake, or a leaderboard measure earned without
 * work. A strong signal (weight 1) raises a flag on its own; a weak one (0.5, something legitimate
 * work also does) needs another signal beside it; supporting evidence (0.25) never flags with less
 * than two others.
 */
public enum Signal {
  MACHINE_CADENCE(0.5, "requests at a near-constant interval, as a script sends them"),
  ROUND_THE_CLOCK(1.0, "activity in nearly every hour of the day or week"),
  REPETITION(1.0, "the same prompt sent again and again"),
  CACHE_LOOP(1.0, "a large cached context re-read for a few output tokens, request after request"),
  VOLUME_WITHOUT_OUTCOMES(0.5, "far more tokens than the organization's usual week, little to show for it, no check-in"),
  SNAPSHOT_SPIKE(1.0, "a burst of volume just before the leaderboard snapshot, far above the person's usual"),
  LOW_YIELD(0.5, "far more tokens than usual with little to show for it (explained in a check-in)"),
  HEADLESS(0.5, "agent time almost entirely unattended, for many hours of the week"),
  HOLLOW_DAYS(1.0, "active days made only of near-empty requests: the day counts, no work happened"),
  THIN_TOOLS(1.0, "tools touched only with near-empty requests: breadth without use"),
  REPEATED_SHAPE(1.0, "the same prompt shape (identical input sizes) sent again and again"),
  PADDED_VOLUME(1.0, "heavy volume from requests that produce almost nothing: tokens sent, not work done"),
  NEAR_EMPTY(0.5, "most requests produce a handful of tokens"),
  REGULAR_INTERVALS(0.5, "requests spaced like a timer's, at any pace and with jitter"),
  SNAPSHOT_BURST(1.0, "far more requests or sessions than the person's usual day, packed before the leaderboard snapshot"),
  NO_OUTCOMES(0.25, "a week that ranks on activity with no commit, pull request or check-in");

  private final double weight;
  private final String meaning;

  Signal(double weight, String meaning) {
    this.weight = weight;
    this.meaning = meaning;
  }

  public double weight() {
    return weight;
  }

  public String meaning() {
    return meaning;
  }

  /** Signals of one family read the same evidence; a week's score counts each family once. */
  public String family() {
    return switch (this) {
      case MACHINE_CADENCE, REGULAR_INTERVALS -> "timing";
      case VOLUME_WITHOUT_OUTCOMES, LOW_YIELD, NO_OUTCOMES -> "outcomes";
      case NEAR_EMPTY, CACHE_LOOP, PADDED_VOLUME -> "empty";
      default -> name();
    };
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Signal parse(String label) {
    try {
      return valueOf(label.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown signal '" + label + "', expected one of "
          + Arrays.stream(values()).map(Signal::label).toList());
    }
  }
}
