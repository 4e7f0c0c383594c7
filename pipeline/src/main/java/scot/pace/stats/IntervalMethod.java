package scot.pace.stats;

/**
 * How the interval beside a published share was found. A zero-width interval is never published:
 * where R's log-log interval does not exist (an estimate of 0 or 1, or no variance), the exact
 * binomial interval is given when every child was followed past the time, and none otherwise.
 */
public enum IntervalMethod {
  /** R's pointwise log-log interval of the estimate ({@code survfit(conf.type = "log-log")}). */
  LOG_LOG("log-log"),
  /** The exact binomial interval of x of n: every child was followed past the time, so F = x/n. */
  CLOPPER_PEARSON("clopper-pearson"),
  /** No interval can be estimated: the estimate is 0 or 1 and some children were censored first. */
  NONE("none");

  private final String label;

  IntervalMethod(String label) {
    this.label = label;
  }

  /** The value stored in the gold tables' {@code *_interval} columns. */
  public String label() {
    return label;
  }
}
