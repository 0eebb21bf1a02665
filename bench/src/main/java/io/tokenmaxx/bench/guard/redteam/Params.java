package io.tokenmaxx.bench.guard.redteam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The knobs of a gaming script.
 *
 * @param jitter   how much each interval varies, as a fraction of it (0.075: 40 min +/- 3 min)
 * @param volume   how much the script sends, as a multiple of the strategy's usual amount
 * @param pace     how often it fires, as a multiple of the strategy's usual rate
 * @param mix      whether the gamer also does ordinary honest work in the weeks the script runs
 * @param ownTool  whether the script runs under a tool of its own instead of the person's usual one
 */
record Params(double jitter, double volume, double pace, boolean mix, boolean ownTool) {

  static final Params DEFAULT = new Params(0.075, 1, 1, true, false);

  /** Every combination the sweep draws from. */
  static List<Params> grid() {
    List<Params> out = new ArrayList<>();
    for (double j : new double[] {0.01, 0.075, 0.2, 0.35}) {
      for (double v : new double[] {0.5, 1, 2}) {
        for (double p : new double[] {0.5, 1, 2}) {
          for (boolean m : new boolean[] {false, true}) {
            for (boolean t : new boolean[] {false, true}) out.add(new Params(j, v, p, m, t));
          }
        }
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "jitter %.2f, volume %.1fx, pace %.1fx, %s, %s", jitter, volume, pace,
        mix ? "with honest work" : "script only", ownTool ? "own tool" : "usual tool");
  }
}
