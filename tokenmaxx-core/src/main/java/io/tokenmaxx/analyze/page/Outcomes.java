package io.tokenmaxx.analyze.page;

/**
 * What came of usage (sums of outcome records), and tokens per outcome unit (commits + pull
 * requests; null when there were none).
 */
public record Outcomes(double commits, double pullRequests, double linesAdded, double linesRemoved,
    double editsAccepted, double editsRejected, double activeSecondsUser, double activeSecondsAgent,
    Double tokensPerOutcome) {

  public static final Outcomes NONE = new Outcomes(0, 0, 0, 0, 0, 0, 0, 0, null);

  /** Commits plus pull requests. */
  public double units() {
    return commits + pullRequests;
  }
}
