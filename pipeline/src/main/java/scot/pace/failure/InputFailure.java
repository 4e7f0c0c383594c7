package scot.pace.failure;

/** A path, an argument or a file given to a command is wrong: the message names it and what to give instead. */
public final class InputFailure extends PaceFailure {
  public InputFailure(String message) {
    super(Kind.INPUT, message, null);
  }

  public InputFailure(String message, Throwable cause) {
    super(Kind.INPUT, message, cause);
  }
}
