package io.tokenmaxx.demo;

/**
 * How a generated person uses AI. The burner personas inflate usage for its own sake in the ways
 * the Goodhart guard must catch; the heavy personas use a lot for real and must not be flagged.
 */
public enum Persona {
  NON_USER(false),
  LIGHT(false),
  REGULAR(false),
  POWER(false),
  EXPLORER(false),
  /** Long autonomous agent runs that end in commits and pull requests. */
  HEAVY_AGENT(false),
  /** Scheduled overnight batch jobs (migrations, test generation) that produce outcomes. */
  HEAVY_BATCH(false),
  /** A script calling the model in a loop at a fixed cadence, round the clock. */
  BURNER_LOOP(true),
  /** The same prompt replayed again and again during the day. */
  BURNER_REPLAY(true),
  /** Unattended overnight volume with nothing to show for it. */
  BURNER_OVERNIGHT(true),
  /** Ordinary use plus a burst right before the weekly leaderboard snapshot. */
  BURNER_SPIKE(true),
  /**
   * A script that hides its cadence: human-like random gaps, a fresh prompt each time and normal
   * output sizes, from early morning to late evening every day. Not assigned by
   * {@link DemoOrganization#generate}; evaluation organizations assign it.
   */
  BURNER_JITTER(true),
  /**
   * Heavy use with no code outcomes: long documents read through the API and chat for research and
   * analysis, described in weekly check-ins. Assigned by evaluation organizations only.
   */
  RESEARCHER(false),
  /**
   * On-call weeks: agent sessions at any hour of day or night when paged, on top of ordinary use.
   * Assigned by evaluation organizations only.
   */
  ON_CALL(false);

  private final boolean burner;

  Persona(boolean burner) {
    this.burner = burner;
  }

  public boolean burner() {
    return burner;
  }
}
