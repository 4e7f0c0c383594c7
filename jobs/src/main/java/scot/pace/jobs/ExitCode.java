package scot.pace.jobs;

/** The exit status of every pace command, documented in the README. */
public enum ExitCode {
  /** Everything ran and every return was taken. */
  SUCCESS(0),
  /** The run finished, but some returns were set aside or held back, or there were warnings. */
  WARNINGS(1),
  /** The input or configuration is wrong: nothing was changed. */
  INPUT_FAILURE(2),
  /** The job itself failed; tables are as before the failed commit. */
  JOB_FAILURE(3),
  /** Another run holds the lock. */
  ALREADY_RUNNING(4);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
