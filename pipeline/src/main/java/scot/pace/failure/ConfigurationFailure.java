package scot.pace.failure;

/** The configuration is wrong: the message names the file or variable and the key at fault. */
public final class ConfigurationFailure extends PaceFailure {
  public ConfigurationFailure(String message) {
    super(Kind.CONFIGURATION, message, null);
  }

  public ConfigurationFailure(String message, Throwable cause) {
    super(Kind.CONFIGURATION, message, cause);
  }
}
