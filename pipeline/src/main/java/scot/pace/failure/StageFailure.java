package scot.pace.failure;

import java.util.List;

/**
 * A stage of a run failed after earlier stages had committed: the lake (and perhaps the outputs)
 * changed. The message names the stage that failed and why, the stages that committed and those
 * that did not, and what running the command again will do.
 */
public final class StageFailure extends PaceFailure {
  private final String stage;
  private final List<String> committed;

  /** {@code reason}: why the stage failed, in words an operator can act on (a full disk said as such). */
  public StageFailure(String stage, List<String> committed, List<String> notDone, String reason, String rerun,
      Throwable cause) {
    super(Kind.STAGE, message(stage, committed, notDone, reason, rerun), cause);
    this.stage = stage;
    this.committed = List.copyOf(committed);
  }

  private static String message(String stage, List<String> committed, List<String> notDone, String reason,
      String rerun) {
    return stage + " failed: " + reason
        + ". Committed before it: " + String.join("; ", committed)
        + (notDone.isEmpty() ? "" : ". Not done: " + String.join(", ", notDone)) + ". " + rerun;
  }

  public String stage() {
    return stage;
  }

  public List<String> committed() {
    return committed;
  }
}
