package io.tokenmaxx.guard;

import java.util.Arrays;
import java.util.Locale;

/**
 * One way usage can look inflated for its own sake. A strong signal raises a flag on its own; a
 * weak one (something legitimate work also does) needs another signal beside it.
 */
public enum Signal {
  MACHINE_CADENCE(1.0, "requests at a near-constant interval, as a script sends them"),
  ROUND_THE_CLOCK(1.0, "activity in nearly every hour of the day or week"),
  REPETITION(1.0, "the same prompt sent again and again"),
  CACHE_LOOP(1.0, "a large cached context re-read for a few output tokens, request after request"),
  VOLUME_WITHOUT_OUTCOMES(1.0, "far more tokens than the organization's usual week, little to show for it, no check-in"),
  SNAPSHOT_SPIKE(1.0, "a burst of volume just before the leaderboard snapshot, far above the person's usual"),
  LOW_YIELD(0.5, "far more tokens than usual with little to show for it (explained in a check-in)"),
  HEADLESS(0.5, "agent time almost entirely unattended, for many hours of the week");

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
