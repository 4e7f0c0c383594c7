package scot.pace.jobs;

import scot.pace.failure.PaceFailure;

/** The exit status of every pace command, documented in the README and in docs/errors.md. */
public enum ExitCode {
  /** Everything ran and every return was taken. */
  SUCCESS(0),
  /** The run finished, but some returns were set aside or held back, or there were warnings. */
  WARNINGS(1),
  /** A check found what it looks for: errors in a return ({@code validate}), a recoverable cell ({@code disclosure-check}). */
  FINDINGS(1),
  /** The input or configuration is wrong, or the lake is not ready for the command: nothing was changed. */
  INPUT_FAILURE(2),
  /** The job failed: after the lake changed (the message names what was committed), or from a fault. */
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

  /**
   * The one mapping from a failure to an exit code: 2 only for a failure the user can fix (input,
   * configuration, the lake's state) when nothing was changed; 3 whenever the lake changed first, for
   * a stage that failed after others committed, for bad data in the lake, and for a fault in the code.
   */
  public static ExitCode after(Throwable failure, boolean lakeChanged) {
    if (lakeChanged) {
      return JOB_FAILURE;
    }
    if (failure instanceof PaceFailure foreseen) {
      return switch (foreseen.kind()) {
        case INPUT, CONFIGURATION, LAKE_STATE -> INPUT_FAILURE;
        case DATA, STAGE -> JOB_FAILURE;
      };
    }
    return JOB_FAILURE;
  }
}
