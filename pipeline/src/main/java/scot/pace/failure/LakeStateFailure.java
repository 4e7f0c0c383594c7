package scot.pace.failure;

/** The lake is not in the state the command needs: the message says which command to run first. */
public final class LakeStateFailure extends PaceFailure {
  public LakeStateFailure(String message) {
    super(Kind.LAKE_STATE, message, null);
  }

  public LakeStateFailure(String message, Throwable cause) {
    super(Kind.LAKE_STATE, message, cause);
  }
}
