package scot.pace.failure;

/**
 * A failure this project foresees, of one {@link Kind}, with a message that says what to fix.
 * The command line maps the kind, and whether the lake changed before it, to one exit code
 * ({@code docs/errors.md}); anything else thrown is a fault in the code (exit 3).
 */
public abstract class PaceFailure extends RuntimeException {

  /** What went wrong, in the terms of the person who can fix it. */
  public enum Kind {
    /** A path, an argument or a file given to the command is wrong. */
    INPUT,
    /** The configuration (YAML, the environment) is wrong. */
    CONFIGURATION,
    /** The lake is not in the state the command needs (no build yet, a run that recorded no table). */
    LAKE_STATE,
    /** The data in the lake breaks something the pipeline relies on. */
    DATA,
    /** A stage failed after earlier stages had committed: the lake has changed. */
    STAGE
  }

  private final Kind kind;

  protected PaceFailure(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
