package scot.pace.failure;

/** The data in the lake breaks something the pipeline relies on: the message names the table and rows. */
public final class DataFailure extends PaceFailure {
  public DataFailure(String message) {
    super(Kind.DATA, message, null);
  }

  public DataFailure(String message, Throwable cause) {
    super(Kind.DATA, message, cause);
  }
}
