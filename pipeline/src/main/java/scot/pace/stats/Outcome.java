package scot.pace.stats;

/**
 * One child's follow-up in a cohort: time from the origin in days, and how it ended.
 *
 * @param days time from the origin to the outcome or to censoring, 0 or more
 * @param cause 0 for censored (still waiting at the snapshot); 1, 2, ... for the outcome's kind
 *     (the routes to permanence and leaving care without it, numbered by the caller)
 */
public record Outcome(int days, int cause) {
  public Outcome {
    if (days < 0) {
      throw new IllegalArgumentException("follow-up time " + days + " days is negative");
    }
    if (cause < 0) {
      throw new IllegalArgumentException("cause " + cause + " is negative");
    }
  }

  public boolean isCensored() {
    return cause == 0;
  }
}
