package io.tokenmaxx.bench.guard.redteam;

import java.time.LocalDate;
import java.util.Set;

/**
 * One person of the red-team organization: their honest habits, and for a gamer the strategy,
 * its parameters and the weeks it ran (the ground truth).
 *
 * @param batchPeriodSeconds the interval of a batch job (batch-jobs persona)
 * @param leave              weeks with no activity (back-from-leave persona)
 * @param gamed              weeks the strategy ran
 * @param sweep              whether this gamer belongs to the sweep (else to the default parameters)
 */
record Person(String id, Honest honest, Strategy strategy, Params params, String tool, String second, boolean engineer,
    double batchPeriodSeconds, Set<LocalDate> leave, Set<LocalDate> gamed, boolean sweep) {

  boolean gamer() {
    return strategy != null;
  }
}
